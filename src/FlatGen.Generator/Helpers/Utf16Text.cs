namespace FlatGen.Generator.Helpers;

/// <summary>What the generator needs to know of a known key's UTF-16 text to give it a UTF-8 form.</summary>
internal static class Utf16Text
{
    /// <summary>The index of the first surrogate in <paramref name="text"/> that is not half of a pair, or -1: text with one has no UTF-8 form.</summary>
    public static int LoneSurrogateIndex(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
