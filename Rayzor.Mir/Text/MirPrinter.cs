using System.Globalization;
using System.Text;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Text;

/// Prints MIR in its text form (`rayzor dump --mir`, pass tests).
public static partial class MirPrinter
{
    public static string Print(MirModule m)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < m.Strings.Count; i++) sb.Append("string $").Append(i).Append(" = ").Append(Quote(m.Strings[i])).Append('\n');
        foreach (var g in m.Globals) sb.Append("global @").Append(g.Name).Append(" : ").Append(g.Type.Name()).Append('\n');
        foreach (var n in m.Natives.Values.OrderBy(n => n.Name, StringComparer.Ordinal))
            sb.Append("native @").Append(n.Name).Append('(').Append(string.Join(", ", n.Params.Select(p => p.Name()))).Append(") -> ").Append(n.Return.Name()).Append('\n');
        foreach (var c in m.Classes) PrintClass(c, sb);
        foreach (var f in m.Functions) { sb.Append('\n'); Print(f, sb); }
        return sb.ToString();
    }

    public static string Print(MirFunction f)
    {
        var sb = new StringBuilder();
        Print(f, sb);
        return sb.ToString();
    }

    private static void Print(MirFunction f, StringBuilder sb)
    {
        if (f.IsInline) sb.Append("inline ");
        sb.Append("func @").Append(f.Name).Append('(').Append(string.Join(", ", f.ParamTypes.Select(p => p.Name()))).Append(") -> ").Append(f.ReturnType.Name()).Append(" {\n");
        foreach (var b in f.Blocks)
        {
            sb.Append(b.Id);
            if (b.Params.Count > 0) sb.Append('(').Append(string.Join(", ", b.Params.Select(p => $"{p}: {f.TypeOf(p).Name()}"))).Append(')');
            sb.Append(":\n");
            foreach (var inst in b.Insts) { sb.Append("  "); PrintInst(inst, sb); sb.Append('\n'); }
        }
        sb.Append("}\n");
    }

    private static void PrintInst(Instruction i, StringBuilder sb)
    {
        var info = i.Op.Info();
        if (!i.Result.IsNone) sb.Append(i.Result).Append(" = ");
        sb.Append(info.Name);
        if (info.HasResult) sb.Append('.').Append(i.Type.Name());
        switch (info.Imm)
        {
            case ImmKind.Int: sb.Append(' ').Append(i.Imm); break;
            case ImmKind.Float: sb.Append(' ').Append(i.FImm.ToString("R", CultureInfo.InvariantCulture)); break;
            case ImmKind.Bool: sb.Append(i.Imm != 0 ? " true" : " false"); break;
            case ImmKind.Str: sb.Append(" $").Append(i.Imm); break;
            case ImmKind.Sym: sb.Append(" @").Append(i.Sym); break;
            case ImmKind.Cond: sb.Append(' ').Append(((Cond)i.Imm).ToString().ToLowerInvariant()); break;
            case ImmKind.Width: sb.Append(' ').Append(((ByteWidth)i.Imm).ToString().ToLowerInvariant()); break;
            case ImmKind.Dispatch: sb.Append(" @").Append(i.Sym).Append(' ').Append(i.Imm); break;
        }
        if (i.Args.Count > 0) sb.Append(info.Imm is ImmKind.None ? " " : ", ").Append(string.Join(", ", i.Args));
        foreach (var t in i.Targets)
        {
            sb.Append(i.Args.Count > 0 || t != i.Targets[0] ? ", " : " ").Append(t.Block);
            if (t.Args.Count > 0) sb.Append('(').Append(string.Join(", ", t.Args)).Append(')');
        }
    }

    public static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (c < 0x20 || c > 0x7e) sb.Append("\\u").Append(((int)c).ToString("x4"));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
