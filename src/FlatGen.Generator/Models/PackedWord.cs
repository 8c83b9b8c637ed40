namespace FlatGen.Generator.Models;

/// <summary>
/// One comparison of a generated known-key matcher: <see cref="Bits"/> / 16 characters read at <see cref="Offset"/>,
/// packed with character <c>i</c> in bits <c>16 i</c> and up, OR-ed with <see cref="Mask"/>, must equal <see cref="Value"/>.
/// </summary>
/// <param name="Offset">The index of the first character read.</param>
/// <param name="Bits">16, 32 or 64: one, two or four characters.</param>
/// <param name="Mask">0x20 in each ASCII letter's lane when ignoring case (folding it to lower case); otherwise 0.</param>
/// <param name="Value">The expected characters, letters in lower case when ignoring case.</param>
internal sealed record PackedWord(int Offset, int Bits, ulong Mask, ulong Value);
