using System.Globalization;
using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;

namespace Rayzor.Frontend.Conditional;

/// Evaluates a `#if` condition the way Haxe does: a name is its define's value (or null when undefined);
/// `&&`, `||`, `!` test truthiness; comparisons coerce strings to floats or versions (`version("4.2.0")`).
public static class ConditionEvaluator
{
    private abstract record Value;
    private sealed record NullValue : Value;
    private sealed record BoolValue(bool V) : Value;
    private sealed record FloatValue(double V) : Value;
    private sealed record StringValue(string V) : Value;
    private sealed record VersionValue(SemVersion V) : Value;

    private static readonly NullValue Null = new();

    /// The truth of a condition; `error` is set (and the result false) when it cannot be evaluated, with
    /// `errorSpan` the part it is about (the whole condition when nothing narrower applies).
    public static bool Evaluate(Expr condition, Defines defines, out string? error, out TextSpan errorSpan)
    {
        error = null;
        errorSpan = condition.Span;
        try
        {
            return IsTrue(Eval(condition, defines));
        }
        catch (ConditionException e)
        {
            error = e.Message;
            if (e.Span is { } span) errorSpan = span;
            return false;
        }
    }

    private static bool IsTrue(Value v) => v switch
    {
        BoolValue b => b.V,
        NullValue => false,
        FloatValue f => f.V != 0,
        _ => true,
    };

    private static Value Eval(Expr e, Defines defines)
    {
        switch (e)
        {
            case IdentExpr id:
                return defines.TryGetValue(id.Name, out var v) ? new StringValue(v) : Null;
            case FieldExpr f when DottedName(f) is { } name:
                return defines.TryGetValue(name, out var fv) ? new StringValue(fv) : Null;
            case StringLiteral s:
                return new StringValue(s.Value);
            case IntLiteral i:
                return new FloatValue(i.Value);
            case FloatLiteral fl:
                return new FloatValue(fl.Value);
            case CallExpr { Callee: IdentExpr { Name: "version" }, Args: [StringLiteral ver] }:
                return new VersionValue(ParseVersion(ver.Value, ver.Span));
            case ParenExpr p:
                return Eval(p.Inner, defines);
            case UnaryExpr { Op: UnaryOp.Not, Postfix: false } u:
                return new BoolValue(!IsTrue(Eval(u.Operand, defines)));
            case BinaryExpr { Op: BinaryOp.BoolAnd } b:
                return new BoolValue(IsTrue(Eval(b.Left, defines)) && IsTrue(Eval(b.Right, defines)));
            case BinaryExpr { Op: BinaryOp.BoolOr } b:
                return new BoolValue(IsTrue(Eval(b.Left, defines)) || IsTrue(Eval(b.Right, defines)));
            case BinaryExpr b:
                return Compare(b.Op, Eval(b.Left, defines), Eval(b.Right, defines));
            default:
                throw new ConditionException("Invalid condition expression");
        }
    }

    private static string? DottedName(Expr e) => e switch
    {
        IdentExpr id => id.Name,
        FieldExpr f when DottedName(f.Target) is { } t => t + "." + f.Name,
        _ => null,
    };

    private static Value Compare(BinaryOp op, Value v1, Value v2)
    {
        // Haxe's eval_binop_exprs: coerce a string to the other side's float or version.
        switch (v1, v2)
        {
            case (StringValue s, FloatValue) when TryFloat(s.V, out var f): v1 = new FloatValue(f); break;
            case (FloatValue, StringValue s) when TryFloat(s.V, out var f): v2 = new FloatValue(f); break;
            case (VersionValue, StringValue s): v2 = new VersionValue(ParseVersion(s.V)); break;
            case (StringValue s, VersionValue): v1 = new VersionValue(ParseVersion(s.V)); break;
        }
        bool Cmp(Func<int, bool> test)
        {
            int c;
            switch (v1, v2)
            {
                case (NullValue, _) or (_, NullValue): return false;
                case (FloatValue a, FloatValue b): c = a.V.CompareTo(b.V); break;
                case (StringValue a, StringValue b): c = string.CompareOrdinal(a.V, b.V); break;
                case (BoolValue a, BoolValue b): c = a.V.CompareTo(b.V); break;
                case (VersionValue a, VersionValue b): c = a.V.CompareTo(b.V); break;
                case (StringValue, FloatValue) or (FloatValue, StringValue) or (_, VersionValue) or (VersionValue, _):
                    throw new ConditionException($"Cannot compare {Describe(v1)} and {Describe(v2)}");
                default: return false;
            }
            return test(Math.Sign(c));
        }
        return op switch
        {
            BinaryOp.Eq => new BoolValue(Cmp(c => c == 0)),
            BinaryOp.NotEq => new BoolValue(!Cmp(c => c == 0)),
            BinaryOp.Gt => new BoolValue(Cmp(c => c > 0)),
            BinaryOp.GtEq => new BoolValue(Cmp(c => c >= 0)),
            BinaryOp.Lt => new BoolValue(Cmp(c => c < 0)),
            BinaryOp.LtEq => new BoolValue(Cmp(c => c <= 0)),
            _ => throw new ConditionException("Unsupported operation"),
        };
    }

    private static string Describe(Value v) => v switch
    {
        NullValue => "null",
        BoolValue b => "boolean " + (b.V ? "true" : "false"),
        FloatValue f => "float " + f.V.ToString(CultureInfo.InvariantCulture),
        StringValue s => $"string \"{s.V}\"",
        VersionValue ver => "version " + ver.V,
        _ => "?",
    };

    private static bool TryFloat(string s, out double f) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out f);

    private static SemVersion ParseVersion(string s, TextSpan? span = null) =>
        SemVersion.TryParse(s, out var v) ? v : throw new ConditionException($"Invalid version string \"{s}\". Should follow SemVer.", span);

    private sealed class ConditionException(string message, TextSpan? span = null) : Exception(message)
    {
        public TextSpan? Span { get; } = span;
    }
}

/// A semantic version `major.minor.patch[-pre.release]`, compared as SemVer does.
public readonly record struct SemVersion(int Major, int Minor, int Patch, string[] Pre) : IComparable<SemVersion>
{
    public static bool TryParse(string s, out SemVersion version)
    {
        version = default;
        var dash = s.IndexOf('-');
        var release = dash < 0 ? s : s[..dash];
        var parts = release.Split('.');
        if (parts.Length != 3) return false;
        var nums = new int[3];
        for (var i = 0; i < 3; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out nums[i])) return false;
        version = new SemVersion(nums[0], nums[1], nums[2], dash < 0 ? [] : s[(dash + 1)..].Split('.'));
        return true;
    }

    public int CompareTo(SemVersion other)
    {
        var c = Major.CompareTo(other.Major);
        if (c == 0) c = Minor.CompareTo(other.Minor);
        if (c == 0) c = Patch.CompareTo(other.Patch);
        if (c != 0) return c;
        // a pre-release sorts before its release
        if (Pre.Length == 0 || other.Pre.Length == 0) return Math.Sign(other.Pre.Length.CompareTo(Pre.Length));
        for (var i = 0; i < Math.Min(Pre.Length, other.Pre.Length); i++)
        {
            var a = Pre[i];
            var b = other.Pre[i];
            var an = int.TryParse(a, out var ai);
            var bn = int.TryParse(b, out var bi);
            c = an && bn ? ai.CompareTo(bi) : an ? -1 : bn ? 1 : string.CompareOrdinal(a, b);
            if (c != 0) return Math.Sign(c);
        }
        return Pre.Length.CompareTo(other.Pre.Length);
    }

    public override string ToString() => $"{Major}.{Minor}.{Patch}" + (Pre.Length > 0 ? "-" + string.Join('.', Pre) : "");
}
