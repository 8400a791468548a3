using System.CommandLine;
using FractureLab.Fracture.Campaigns;
using FractureLab.Fracture.Runs;
using FractureLab.Fracture.Toughness;
using FractureLab.Mechanics;
using FractureLab.Mechanics.ForceFields;
using FractureLab.Mechanics.IO;

namespace FractureLab.Cli.Commands;

/// <summary><c>fracturelab schema forcefield|run|study|campaign</c>: prints the keys of a file type as a Markdown table (from the definition its reader checks against).</summary>
public static class SchemaCommand
{
    private static readonly IReadOnlyList<InputSchema> Schemas = [ForceFieldSchema.Schema, RunFileSchema.Schema, StudyFileSchema.Schema, CampaignFileSchema.Schema];

    public static Command Create()
    {
        var names = Schemas.Select(s => s.Name).ToArray();
        var kind = new Argument<string>("kind") { Description = "file type: " + string.Join(", ", names) };
        var cmd = new Command("schema", "Print the keys of an input file type (the same definition the reader enforces)");
        cmd.Arguments.Add(kind);
        cmd.SetAction(p => Program.Guard(() =>
        {
            string k = p.GetValue(kind)!;
            var schema = Schemas.FirstOrDefault(s => s.Name == k)
                ?? throw new InputException($"schema '{k}'{KeySuggestions.Suggest(k, names)}: known: {string.Join(", ", names)}");
            Console.Write(schema.Markdown());
            return 0;
        }));
        return cmd;
    }
}
