using System.Text;

namespace EcsOperator.Deploy.Tests.Docs;

/// <summary>
/// The small part of POSIX shell syntax README commands use: words with single and double quotes, pipelines
/// (<c>|</c>) and lists (<c>&amp;&amp;</c>). Anything else that changes meaning in a shell (redirections, <c>;</c>,
/// <c>$(...)</c>, backticks) is rejected so that a command is never checked as something it is not.
/// </summary>
public static class ShellWords
{
    /// <summary>The command split into <c>&amp;&amp;</c>-separated steps, each a pipeline of word lists.</summary>
    public static IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Parse(string command)
    {
        var steps = new List<IReadOnlyList<IReadOnlyList<string>>>();
        var pipeline = new List<IReadOnlyList<string>>();
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;

        void EndWord()
        {
            if (inWord)
                words.Add(word.ToString());
            word.Clear();
            inWord = false;
        }

        void EndCommand()
        {
            EndWord();
            if (words.Count == 0)
                throw new FormatException($"empty command in: {command}");
            pipeline.Add(words.ToList());
            words.Clear();
        }

        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote is not null)
            {
                if (c == quote)
                    quote = null;
                else if (quote == '"' && c is '$' or '`')
                    throw new FormatException($"expansion inside double quotes is not supported: {command}");
                else
                    word.Append(c);
                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    inWord = true;
                    break;
                case ' ' or '\t':
                    EndWord();
                    break;
                case '|' when i + 1 < command.Length && command[i + 1] == '|':
                    throw new FormatException($"'||' is not supported: {command}");
                case '|':
                    EndCommand();
                    break;
                case '&' when i + 1 < command.Length && command[i + 1] == '&':
                    EndCommand();
                    steps.Add(pipeline.ToList());
                    pipeline.Clear();
                    i++;
                    break;
                case ';' or '<' or '>' or '`' or '&' or '$' or '(' or ')':
                    throw new FormatException($"'{c}' is not supported by the README command checker: {command}");
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        if (quote is not null)
            throw new FormatException($"unterminated quote: {command}");
        EndCommand();
        steps.Add(pipeline.ToList());
        return steps;
    }
}
