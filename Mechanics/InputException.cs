namespace FractureLab.Mechanics;

/// <summary>
/// Bad input from a user: a file, key, line or value that cannot be used. The message names the
/// place and the problem in one line; the command line prints it and exits with code 1.
/// </summary>
public class InputException(string message) : Exception(message);
