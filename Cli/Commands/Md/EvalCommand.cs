using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using FractureLab.Mechanics.Backends;
using FractureLab.Mechanics.IO;

namespace FractureLab.Cli.Commands;

/// <summary>
/// <c>fracturelab eval</c>: energy, virial pressure tensor and forces of one configuration, the numbers
/// compared with LAMMPS's pe, compute pressure NULL virial and per-atom forces.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var ffo = new ForceFieldOptions();
        var outOpt = new Option<string>("--out") { Description = "JSON file for energy and pressure", Required = true };
        var forcesOpt = new Option<string?>("--forces") { Description = "CSV file for per-atom forces (id,fx,fy,fz in eV/Å)" };
        var cmd = new Command("eval", "Evaluate energy, virial pressure and forces of a configuration");
        ffo.AddTo(cmd);
        cmd.Options.Add(outOpt);
        cmd.Options.Add(forcesOpt);
        cmd.SetAction(p => Program.Guard(() =>
        {
            using var bound = ffo.Bind(p);
            var (system, ff, backend) = bound;
            var computer = new ForceComputer(ff, backend);
            var r = computer.Compute(system);
            var pressure = ForceComputer.PressureGpa(system, r, withKinetic: false);
            var json = new JsonObject
            {
                ["atoms"] = system.Count,
                ["forcefield"] = ff.Definition.Name,
                ["coulomb"] = ff.CoulombSettings.Describe(),
                ["backend"] = backend.Name,
                ["potential_energy_eV"] = r.PotentialEnergy,
                ["energy_terms_eV"] = new JsonObject
                {
                    ["short_range"] = r.ShortRangeEnergy, ["coulomb_pair"] = r.CoulombPairEnergy,
                    ["coulomb_self"] = r.CoulombSelfEnergy, ["kspace"] = r.KSpaceEnergy, ["core_shell_spring"] = r.CoreShellSpringEnergy,
                },
                ["pressure_GPa"] = new JsonObject
                {
                    ["xx"] = pressure[0], ["yy"] = pressure[1], ["zz"] = pressure[2],
                    ["xy"] = pressure[3], ["xz"] = pressure[4], ["yz"] = pressure[5],
                },
                ["assumptions"] = new JsonArray(ff.Assumptions.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
            };
            JsonOutput.Write(p.GetValue(outOpt)!, json);
            if (p.GetValue(forcesOpt) is { } fpath)
                AtomicFile.Write(fpath, w =>
                {
                    w.WriteLine("id,fx,fy,fz");
                    var ci = CultureInfo.InvariantCulture;
                    foreach (int i in Enumerable.Range(0, system.Count).OrderBy(i => system.Id[i]))
                        w.WriteLine(string.Create(ci, $"{system.Id[i]},{system.Fx[i]:R},{system.Fy[i]:R},{system.Fz[i]:R}"));
                });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{system.Count} atoms, potential energy {r.PotentialEnergy:F6} eV, pressure (virial) xx {pressure[0]:F4} yy {pressure[1]:F4} zz {pressure[2]:F4} GPa"));
            return 0;
        }));
        return cmd;
    }
}
