namespace FlatGen.Generator.Models;

/// <summary>
/// One comparison of a generated known-key matcher: <see cref="Bits"/> of code units read from unit
/// <see cref="Offset"/>, packed with unit <c>i</c> in the <c>i</c>-th lane from the low bits, OR-ed with
/// <see cref="Mask"/>, must equal <see cref="Value"/>.
/// </summary>
/// <param name="Offset">The index of the first code unit read.</param>
/// <param name="Bits">8, 16, 32 or 64.</param>
/// <param name="Mask">0x20 in each ASCII letter's lane when ignoring case (folding it to lower case); otherwise 0.</param>
/// <param name="Value">The expected units, letters in lower case when ignoring case.</param>
internal sealed record PackedWord(int Offset, int Bits, ulong Mask, ulong Value);
