namespace FractureLab.Mechanics;

/// <summary>
/// Bad input from a user: a file, key, line or value that cannot be used. The message names the
/// place and the problem in one line; the command line prints it and exits with code 1.
/// </summary>
public class InputException(string message) : Exception(message)
{
    /// <summary>A token of the user's file as it may appear in a one-line error: at most 40 characters (a 1 MB number becomes its start and its length).</summary>
    public static string Quote(string token) => token.Length <= 40 ? token : $"{token[..20]}…({token.Length} characters)";
}
