using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Text;

public sealed partial class MirParser
{
    /// `class @C size N [super @S] [interface] [enum] {`, member lines, `}` (MirPrinter.PrintClass).
    private void ClassDecl(MirModule m)
    {
        Space();
        var name = At();
        Space();
        Expect("size");
        Space();
        var size = (int)Unsigned("a size");
        string? super = null;
        bool isInterface = false, isEnum = false;
        while (true)
        {
            Space();
            if (Peek == '{') break;
            var w = Word();
            switch (w)
            {
                case "super": Space(); super = At(); break;
                case "interface": isInterface = true; break;
                case "enum": isEnum = true; break;
                default: throw Error($"unknown class attribute '{w}' (super, interface or enum)");
            }
        }
        Expect('{');
        EndOfLine();
        var c = new MirClass(name, size) { Super = super, IsInterface = isInterface, IsEnum = isEnum };
        while (Peek != '}')
        {
            if (AtEnd) throw Error($"missing '}}' at the end of class @{name}");
            Expect("  ");
            var w = Word();
            Space();
            switch (w)
            {
                case "implements": c.Interfaces.AddRange(List(At)); break;
                case "vtable": c.VTable.AddRange(List(At)); break;
                case "itable": c.ITable.AddRange(List(() => Peek == '-' ? Skip() : At())); break;
                case "field":
                {
                    var literal = Dollar();
                    Space();
                    var offset = (int)Unsigned("an offset");
                    Space();
                    c.FieldTable.Add((literal, offset, Type(), null));
                    break;
                }
                case "method":
                {
                    var literal = Dollar();
                    Space();
                    c.FieldTable.Add((literal, 0, MirType.Void, At()));
                    break;
                }
                default: throw Error($"unknown class member '{w}' (implements, vtable, itable, field or method)");
            }
            EndOfLine();
        }
        _pos++;
        EndOfLine();
        if (m.Classes.Any(k => k.Name == name)) throw Error($"class @{name} defined twice");
        m.Classes.Add(c);
        m.SelectorCount = Math.Max(m.SelectorCount, c.ITable.Count);

        string? Skip()
        {
            _pos++;
            return null;
        }
    }

    /// Comma-separated items (`a, b, c`) up to the end of the line.
    private List<T> List<T>(Func<T> item)
    {
        var items = new List<T> { item() };
        while (Peek == ',')
        {
            _pos++;
            Space();
            items.Add(item());
        }
        return items;
    }
}
