using System.Globalization;
using System.Text;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Text;

/// A malformed MIR text: the 1-based line and column of the problem and what was expected.
public sealed class MirParseException(int line, int column, string message)
    : Exception($"{line}:{column}: {message}")
{
    public int Line { get; } = line;
    public int Column { get; } = column;
}

/// Reads the text form that <see cref="MirPrinter"/> writes (module headers: strings, globals,
/// natives; then functions), so that print → parse → print is the identity.
public sealed partial class MirParser
{
    private readonly string _text;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private MirParser(string text) => _text = text;

    /// Parses a whole module.
    public static MirModule ParseModule(string text)
    {
        var p = new MirParser(text);
        var m = new MirModule();
        p.Module(m);
        return m;
    }

    /// Parses one function (as <see cref="MirPrinter.Print(MirFunction)"/> writes it).
    public static MirFunction ParseFunction(string text)
    {
        var p = new MirParser(text);
        p.SkipBlankLines();
        var f = p.Function();
        p.SkipBlankLines();
        if (!p.AtEnd) throw p.Error("text after the function");
        return f;
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Peek => _pos < _text.Length ? _text[_pos] : '\0';

    private MirParseException Error(string message) => new(_line, _pos - _lineStart + 1, message);

    private void Module(MirModule m)
    {
        while (true)
        {
            SkipBlankLines();
            if (AtEnd) return;
            var word = Word();
            switch (word)
            {
                case "string": StringDecl(m); break;
                case "global": GlobalDecl(m); break;
                case "native": NativeDecl(m); break;
                case "class": ClassDecl(m); break;
                case "func" or "inline":
                    _pos -= word.Length;
                    var f = Function();
                    if (m.Find(f.Name) != null) throw Error($"function @{f.Name} defined twice");
                    m.Functions.Add(f);
                    break;
                default: throw Error(word.Length == 0 ? $"unexpected '{Peek}'" : $"unknown declaration '{word}' (string, global, native, class, func or inline func)");
            }
        }
    }

    private void StringDecl(MirModule m)
    {
        Space();
        var index = Dollar();
        if (index != m.Strings.Count) throw Error($"string ${index} out of order (expected ${m.Strings.Count})");
        Space();
        Expect('=');
        Space();
        m.Strings.Add(QuotedString());
        EndOfLine();
    }

    private void GlobalDecl(MirModule m)
    {
        Space();
        var name = At();
        Space();
        Expect(':');
        Space();
        m.Globals.Add(new MirGlobal(name, Type()));
        EndOfLine();
    }

    private void NativeDecl(MirModule m)
    {
        Space();
        var name = At();
        var ps = TypeList();
        Space();
        Expect("->");
        Space();
        var ret = Type();
        if (!m.Natives.TryAdd(name, new NativeDecl(name, ps, ret))) throw Error($"native @{name} declared twice");
        EndOfLine();
    }

    private List<MirType> TypeList()
    {
        Expect('(');
        var ps = new List<MirType>();
        if (Peek != ')')
        {
            while (true)
            {
                ps.Add(Type());
                if (Peek != ',') break;
                _pos++;
                Space();
            }
        }
        Expect(')');
        return ps;
    }

    private MirFunction Function()
    {
        var word = Word();
        var isInline = word == "inline";
        if (isInline)
        {
            Space();
            word = Word();
        }
        if (word != "func") throw Error("expected 'func'");
        Space();
        var name = At();
        var ps = TypeList();
        Space();
        Expect("->");
        Space();
        var ret = Type();
        Space();
        Expect('{');
        EndOfLine();
        var f = new MirFunction(name, ps, ret) { IsInline = isInline };
        var defined = new Dictionary<int, (int Line, int Col)>();
        var uses = new List<(ValueId Value, int Line, int Col)>();
        var jumps = new List<(BlockId Block, int Line, int Col)>();
        while (true)
        {
            if (AtEnd) throw Error("missing '}' at the end of the function");
            if (Peek == '}')
            {
                _pos++;
                EndOfLine();
                break;
            }
            if (Peek == ' ') BodyLine(f, defined, uses, jumps);
            else BlockHeader(f, defined);
        }
        if (f.Blocks.Count == 0) throw Error($"function @{name} has no blocks");
        foreach (var (v, line, col) in uses)
            if (!defined.ContainsKey(v.Index)) throw new MirParseException(line, col, $"{v} is not defined in @{name}");
        foreach (var (b, line, col) in jumps)
            if (b.Index >= f.Blocks.Count) throw new MirParseException(line, col, $"{b} does not exist in @{name}");
        return f;
    }

    private void BlockHeader(MirFunction f, Dictionary<int, (int, int)> defined)
    {
        var id = BlockRef();
        if (id.Index != f.Blocks.Count) throw Error($"block {id} out of order (expected bb{f.Blocks.Count})");
        var b = f.NewBlock();
        if (Peek == '(')
        {
            _pos++;
            while (true)
            {
                var (line, col) = (_line, _pos - _lineStart + 1);
                var v = Value();
                Expect(':');
                Space();
                var t = Type();
                Define(f, defined, v, t, b.Id, true, line, col);
                b.Params.Add(v);
                if (Peek != ',') break;
                _pos++;
                Space();
            }
            Expect(')');
        }
        Expect(':');
        EndOfLine();
    }

    private void Define(MirFunction f, Dictionary<int, (int, int)> defined, ValueId v, MirType t, BlockId b, bool isParam, int line, int col)
    {
        if (t == MirType.Void) throw new MirParseException(line, col, $"{v} cannot have type void");
        if (defined.ContainsKey(v.Index)) throw new MirParseException(line, col, $"{v} defined twice");
        defined[v.Index] = (line, col);
        // a value never defined (removed by a pass) keeps its index: the hole reads as void
        while (f.Values.Count <= v.Index) f.Values.Add(new ValueInfo(MirType.Void, new BlockId(0), false));
        f.Values[v.Index] = new ValueInfo(t, b, isParam);
    }

    private void BodyLine(MirFunction f, Dictionary<int, (int, int)> defined, List<(ValueId, int, int)> uses, List<(BlockId, int, int)> jumps)
    {
        if (f.Blocks.Count == 0) throw Error("instruction before the first block");
        Expect("  ");
        var block = f.Blocks[^1];
        var result = ValueId.None;
        var (resLine, resCol) = (_line, _pos - _lineStart + 1);
        if (Peek == '%')
        {
            result = Value();
            Space();
            Expect('=');
            Space();
        }
        var (opLine, opCol) = (_line, _pos - _lineStart + 1);
        var name = Word();
        var info = OpcodeTable.Find(name) ?? throw new MirParseException(opLine, opCol, name.Length == 0 ? "expected an instruction" : $"unknown opcode '{name}'");
        var type = MirType.Void;
        if (info.HasResult)
        {
            Expect('.');
            type = Type();
            if (result.IsNone && type != MirType.Void) throw new MirParseException(opLine, opCol, $"{name}.{type.Name()} produces a value: write '%N = ' before it");
            if (!result.IsNone && type == MirType.Void) throw new MirParseException(resLine, resCol, $"{name}.void produces no value");
        }
        else if (!result.IsNone) throw new MirParseException(resLine, resCol, $"{name} produces no value");
        long imm = 0;
        double fimm = 0;
        string? sym = null;
        var first = true;
        if (info.Imm != ImmKind.None)
        {
            Expect(' ');
            first = false;
            switch (info.Imm)
            {
                case ImmKind.Int: imm = Integer(); break;
                case ImmKind.Float: fimm = Float(); break;
                case ImmKind.Bool:
                    var w = Word();
                    imm = w switch { "true" => 1, "false" => 0, _ => throw Error("expected true or false") };
                    break;
                case ImmKind.Str: imm = Dollar(); break;
                case ImmKind.Sym: sym = At(); break;
                case ImmKind.Cond:
                    var c = Word();
                    imm = c switch
                    {
                        "eq" => (long)Cond.Eq, "ne" => (long)Cond.Ne, "lt" => (long)Cond.Lt,
                        "le" => (long)Cond.Le, "gt" => (long)Cond.Gt, "ge" => (long)Cond.Ge,
                        _ => throw Error($"unknown condition '{c}' (eq, ne, lt, le, gt or ge)"),
                    };
                    break;
                case ImmKind.Width:
                    var bw = Word();
                    imm = Enum.TryParse<ByteWidth>(bw, ignoreCase: true, out var width) && bw == bw.ToLowerInvariant()
                        ? (long)width
                        : throw Error($"unknown byte width '{bw}' (u8, u16, i32, f32 or f64)");
                    break;
                case ImmKind.Dispatch:
                    sym = At();
                    Expect(' ');
                    imm = Integer();
                    break;
            }
        }
        var args = new List<ValueId>();
        var targets = new List<BlockCall>();
        while (Peek is not ('\n' or '\r' or '\0'))
        {
            Expect(first ? " " : ", ");
            first = false;
            var (line, col) = (_line, _pos - _lineStart + 1);
            if (Peek == '%')
            {
                if (targets.Count > 0) throw Error("operands come before the target blocks");
                var v = Value();
                uses.Add((v, line, col));
                args.Add(v);
            }
            else if (Peek == 'b')
            {
                var b = BlockRef();
                jumps.Add((b, line, col));
                var bargs = new List<ValueId>();
                if (Peek == '(')
                {
                    _pos++;
                    while (true)
                    {
                        var (l2, c2) = (_line, _pos - _lineStart + 1);
                        var v = Value();
                        uses.Add((v, l2, c2));
                        bargs.Add(v);
                        if (Peek != ',') break;
                        _pos++;
                        Space();
                    }
                    Expect(')');
                }
                targets.Add(new BlockCall(b, bargs));
            }
            else throw Error("expected a value (%N) or a block (bbN)");
        }
        EndOfLine();
        if (info.Arity >= 0 && args.Count != info.Arity)
            throw new MirParseException(opLine, opCol, $"{name} takes {info.Arity} operand{(info.Arity == 1 ? "" : "s")}, has {args.Count}");
        var wantTargets = info.Op switch { Opcode.Br => 1, Opcode.BrIf or Opcode.TryEnter => 2, _ => 0 };
        if (targets.Count != wantTargets)
            throw new MirParseException(opLine, opCol, wantTargets == 0 ? $"{name} has no target blocks" : $"{name} takes {wantTargets} target block{(wantTargets == 1 ? "" : "s")}, has {targets.Count}");
        var inst = new Instruction { Op = info.Op, Type = type, Args = args, Imm = imm, FImm = fimm, Sym = sym, Targets = targets };
        if (!result.IsNone)
        {
            Define(f, defined, result, type, block.Id, false, resLine, resCol);
            inst.Result = result;
        }
        block.Insts.Add(inst);
    }

    // ---- tokens ----

    private void SkipBlankLines()
    {
        while (!AtEnd)
        {
            var save = _pos;
            while (Peek is ' ' or '\t') _pos++;
            if (Peek == '\r') _pos++;
            if (Peek == '\n')
            {
                _pos++;
                _line++;
                _lineStart = _pos;
                continue;
            }
            _pos = save;
            return;
        }
    }

    private void EndOfLine()
    {
        if (AtEnd) return;
        if (Peek == '\r') _pos++;
        if (Peek != '\n') throw Error($"unexpected '{Peek}' (expected the end of the line)");
        _pos++;
        _line++;
        _lineStart = _pos;
    }

    private void Space()
    {
        if (Peek != ' ') throw Error("expected a space");
        while (Peek == ' ') _pos++;
    }

    private void Expect(char c)
    {
        if (Peek != c) throw Error(AtEnd ? $"expected '{c}' at the end of the text" : $"expected '{c}', found '{Peek}'");
        _pos++;
    }

    private void Expect(string s)
    {
        if (string.CompareOrdinal(_text, _pos, s, 0, s.Length) != 0)
            throw Error($"expected '{s}'{(AtEnd ? " at the end of the text" : $", found '{Peek}'")}");
        _pos += s.Length;
    }

    private string Word()
    {
        var start = _pos;
        while (char.IsAsciiLetterOrDigit(Peek) || Peek == '_') _pos++;
        return _text[start.._pos];
    }

    private MirType Type()
    {
        var w = Word();
        return w switch
        {
            "void" => MirType.Void, "bool" => MirType.Bool, "i32" => MirType.I32, "i64" => MirType.I64, "f64" => MirType.F64, "ptr" => MirType.Ptr,
            _ => throw new MirParseException(_line, _pos - w.Length - _lineStart + 1, w.Length == 0 ? "expected a type" : $"unknown type '{w}' (void, bool, i32, i64, f64 or ptr)"),
        };
    }

    /// `@name`: a function, global, native or class; anything up to a space, comma or parenthesis.
    private string At()
    {
        Expect('@');
        var start = _pos;
        while (!AtEnd && Peek is not (' ' or ',' or '(' or ')' or '\n' or '\r' or '\t')) _pos++;
        if (_pos == start) throw Error("expected a name after '@'");
        return _text[start.._pos];
    }

    private int Dollar()
    {
        Expect('$');
        return (int)Unsigned("a string literal number");
    }

    private ValueId Value()
    {
        Expect('%');
        return new ValueId((int)Unsigned("a value number"));
    }

    private BlockId BlockRef()
    {
        Expect("bb");
        return new BlockId((int)Unsigned("a block number"));
    }

    private long Unsigned(string what)
    {
        var start = _pos;
        while (char.IsAsciiDigit(Peek)) _pos++;
        if (_pos == start) throw Error($"expected {what}");
        if (!int.TryParse(_text.AsSpan(start, _pos - start), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            _pos = start;
            throw Error($"{what} out of range");
        }
        return n;
    }

    private long Integer()
    {
        var start = _pos;
        if (Peek == '-') _pos++;
        while (char.IsAsciiDigit(Peek)) _pos++;
        if (!long.TryParse(_text.AsSpan(start, _pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            _pos = start;
            throw Error("expected an integer");
        }
        return n;
    }

    private double Float()
    {
        var start = _pos;
        while (!AtEnd && Peek is not (' ' or ',' or '\n' or '\r')) _pos++;
        if (!double.TryParse(_text.AsSpan(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            _pos = start;
            throw Error("expected a number");
        }
        return d;
    }

    /// A string in double quotes with the escapes <see cref="MirPrinter.Quote"/> writes.
    private string QuotedString()
    {
        Expect('"');
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd || Peek is '\n' or '\r') throw Error("unterminated string");
            var c = _text[_pos++];
            if (c == '"') return sb.ToString();
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            var e = Peek;
            _pos++;
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'u':
                    if (_pos + 4 > _text.Length || !ushort.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var u))
                        throw Error("expected four hex digits after \\u");
                    sb.Append((char)u);
                    _pos += 4;
                    break;
                default:
                    _pos--;
                    throw Error($"unknown escape '\\{e}'");
            }
        }
    }
}
