using System.Text;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Text;

public static partial class MirPrinter
{
    /// A class as the passes see it (layout size, superclass, interfaces, vtable, itable, members
    /// by name): `class @C size N [super @S] [interface] [enum] { ... }`. Enum constructor tables
    /// and the reflection functions are not part of the text form.
    private static void PrintClass(MirClass c, StringBuilder sb)
    {
        sb.Append("class @").Append(c.Name).Append(" size ").Append(c.Size);
        if (c.Super != null) sb.Append(" super @").Append(c.Super);
        if (c.IsInterface) sb.Append(" interface");
        if (c.IsEnum) sb.Append(" enum");
        sb.Append(" {\n");
        if (c.Interfaces.Count > 0) sb.Append("  implements ").Append(string.Join(", ", c.Interfaces.Select(i => "@" + i))).Append('\n');
        if (c.VTable.Count > 0) sb.Append("  vtable ").Append(string.Join(", ", c.VTable.Select(f => "@" + f))).Append('\n');
        if (c.ITable.Count > 0) sb.Append("  itable ").Append(string.Join(", ", c.ITable.Select(f => f == null ? "-" : "@" + f))).Append('\n');
        foreach (var (name, offset, type, method) in c.FieldTable)
        {
            if (method != null) sb.Append("  method $").Append(name).Append(" @").Append(method).Append('\n');
            else sb.Append("  field $").Append(name).Append(' ').Append(offset).Append(' ').Append(type.Name()).Append('\n');
        }
        sb.Append("}\n");
    }
}
