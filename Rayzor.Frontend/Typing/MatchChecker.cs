using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

/// Haxe's checks of a typed `switch`, following its pattern matcher: the cases are compiled to a
/// decision tree the way Haxe compiles them, and walking that tree reports
/// `Unmatched patterns: ...` where a value reaches no case (an enum, Bool or enum abstract
/// without a default; any switch used as a value). Maranget's usefulness test, with Haxe's
/// simplifications, gives the `This case is unused` / `This pattern is unused` warnings.
internal sealed class MatchChecker
{
    private readonly CoreTypes _core;
    private readonly DiagnosticBag _diags;
    private readonly bool _asValue;
    private bool _reported;

    private MatchChecker(CoreTypes core, DiagnosticBag diags, bool asValue)
    {
        _core = core;
        _diags = diags;
        _asValue = asValue;
    }

    /// One case as the checker sees it: its patterns (or-ed), whether it has a guard, and the span
    /// of `case ...:` with its body.
    public sealed record CaseInfo(IReadOnlyList<TPattern> Patterns, bool Guarded, TextSpan Span);

    /// Checks one switch on `subject`: warnings for unused cases and patterns, then the first
    /// unmatched value as an error (Haxe stops at it). True when every value reaches a case
    /// (a switch without default that needs none, for `Missing return`).
    public static bool Check(CoreTypes core, DiagnosticBag diags, TExpr subject, IReadOnlyList<CaseInfo> cases, bool asValue, TextSpan switchSpan)
    {
        var checker = new MatchChecker(core, diags, asValue);
        var rows = cases.Select((c, i) => new Row(i, c.Guarded, [checker.CasePattern(c.Patterns)])).ToList();
        checker.CheckUseless(rows, cases);
        var root = new Subject(subject.Type, subject.Span) { Root = subject };
        // without cases, every constructor is unmatched
        var dt = rows.Count == 0 ? new SwitchDt(root, [], FailDt) : checker.Compile([root], rows);
        if (!checker.Exhaustive(dt, toplevel: true) && !checker._reported)
            diags.Error("RZ0210", switchSpan, "Unmatched patterns: _");
        return checker.Complete(dt, toplevel: true);
    }

    /// No value falls through: every path of the tree ends in a case (a top-level `null` of a
    /// `Null<E>` subject aside, as in Haxe).
    private bool Complete(Dt dt, bool toplevel) => dt switch
    {
        Fail => false,
        GuardDt g => Complete(g.Then, false) && Complete(g.Else, false),
        GuardNull gn => (toplevel || Complete(gn.Null, false)) && Complete(gn.Other, toplevel),
        SwitchDt sw => sw.Cases.All(c => Complete(c.Dt, false))
            && (AllConstructors(sw.Subject, sw.Cases) is var (all, fin, _) && fin != Finiteness.Infinite && all.All(c => sw.Cases.Any(k => k.Unguarded && k.Con.Equals(c)))
                || Complete(sw.Default, false)),
        _ => true,
    };

    // ---- patterns ----

    /// A pattern reduced to what matching needs.
    private abstract record Pat(TextSpan Span);

    /// `_`.
    private sealed record PatAny(TextSpan Span) : Pat(Span);

    /// A capture variable: matches anything too, but Haxe's usefulness test treats it apart.
    private sealed record PatVar(TextSpan Span) : Pat(Span);

    /// A constructor (enum constructor, constant, null, array length) with its sub-patterns.
    private sealed record PatCon(Con Con, IReadOnlyList<Pat> Args, TextSpan Span) : Pat(Span);

    /// `{a: p, b: q}`: named sub-patterns with the field types.
    private sealed record PatFields(IReadOnlyList<(string Name, Pat Pat, HType Type)> Fields, TextSpan Span) : Pat(Span);

    /// `p | q`.
    private sealed record PatOr(Pat Left, Pat Right, TextSpan Span) : Pat(Span);

    /// `name = p`.
    private sealed record PatBind(Pat Inner, TextSpan Span) : Pat(Span);

    private enum ConKind { Const, Null, Enum, Fields, Array, Value }

    /// A constructor of a column; Fields constructors are all equal (their field lists are merged).
    private sealed class Con(ConKind kind, object? key, int arity, string text, IReadOnlyList<string>? names = null) : IEquatable<Con>
    {
        public ConKind Kind { get; } = kind;
        public object? Key { get; } = key;
        public int Arity { get; } = arity;
        public string Text { get; } = text;
        public IReadOnlyList<string> Names { get; } = names ?? [];

        public bool Equals(Con? other) => other != null && other.Kind == Kind && (Kind is ConKind.Fields or ConKind.Null || Equals(Key, other.Key));

        public override bool Equals(object? obj) => Equals(obj as Con);

        public override int GetHashCode() => Kind is ConKind.Fields or ConKind.Null ? (int)Kind : HashCode.Combine(Kind, Key);

        /// Haxe's order of constructors: enum index, constant value, array length.
        public int CompareTo(Con other) => (Key, other.Key) switch
        {
            (EnumCtorSymbol a, EnumCtorSymbol b) => a.Index.CompareTo(b.Index),
            (int a, int b) => a.CompareTo(b),
            (double a, double b) => a.CompareTo(b),
            (string a, string b) => string.CompareOrdinal(a, b),
            (bool a, bool b) => a.CompareTo(b),
            _ => 0,
        };
    }

    private static Con EnumCon(EnumCtorSymbol ctor) => new(ConKind.Enum, ctor, (ctor.Type as TFun)?.Args.Count ?? 0, ctor.Name);

    private static readonly Con NullCon = new(ConKind.Null, null, 0, "null");

    private static Con ConstCon(object value) => new(ConKind.Const, value, 0, value switch
    {
        bool b => b ? "true" : "false",
        string s => "\"" + s + "\"",
        double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    });

    /// The or-ed patterns of a case, as Haxe collapses `case a, b, c:` into `a | (b | c)`.
    private Pat CasePattern(IReadOnlyList<TPattern> ps)
    {
        var pats = ps.Select(FromTyped).ToList();
        var acc = pats[^1];
        for (var i = pats.Count - 2; i >= 0; i--) acc = new PatOr(pats[i], acc, pats[i].Span.To(acc.Span));
        return acc;
    }

    private Pat FromTyped(TPattern p)
    {
        switch (p)
        {
            case PBindAs ba: return new PatBind(FromTyped(ba.Inner), p.Span);
            case POr or:
            {
                var acc = FromTyped(or.Alternatives[0]);
                for (var i = 1; i < or.Alternatives.Count; i++) acc = new PatOr(acc, FromTyped(or.Alternatives[i]), p.Span);
                return acc;
            }
            case PConst c:
            {
                var v = c.Value;
                while (v is TCast { Kind: not CastKind.Checked } cast) v = cast.Value;
                if (v is TConst { Value: null }) return new PatCon(NullCon, [], p.Span);
                if (v is TConst { Value: { } value }) return new PatCon(ConstCon(value), [], p.Span);
                // a value that is not a literal (an enum abstract value computed by an expression)
                return new PatCon(new Con(ConKind.Value, v, 0, "_"), [], p.Span);
            }
            case PEnum e:
            {
                var con = EnumCon(e.Ctor);
                var args = e.Args.Select(FromTyped).ToList();
                while (args.Count < con.Arity) args.Add(new PatAny(p.Span));
                return new PatCon(con, args, p.Span);
            }
            case PArray a:
                return new PatCon(new Con(ConKind.Array, a.Items.Count, a.Items.Count, $"<array {a.Items.Count}>"), a.Items.Select(FromTyped).ToList(), p.Span);
            case PStruct s:
                return new PatFields(s.Fields.Select(f => (f.Name, FromTyped(f.Pattern), f.Type)).ToList(), p.Span);
            case PBind:
                return new PatVar(p.Span);
            default:
                return new PatAny(p.Span);
        }
    }

    /// The field names of the structure patterns at the head of the given patterns (through
    /// bindings and alternatives), sorted as Haxe lists a structure's fields.
    private static List<string> FieldNames(IEnumerable<Pat> heads)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        void Walk(Pat p)
        {
            switch (p)
            {
                case PatFields f: foreach (var x in f.Fields) names.Add(x.Name); break;
                case PatOr o: Walk(o.Left); Walk(o.Right); break;
                case PatBind b: Walk(b.Inner); break;
            }
        }
        foreach (var h in heads) Walk(h);
        return names.ToList();
    }

    /// The constructor a head pattern stands for, and its sub-patterns (structures: in the order of `names`).
    private static (Con Con, IReadOnlyList<Pat> Args)? ConOf(Pat p, IReadOnlyList<string> names) => p switch
    {
        PatCon c => (c.Con, c.Args),
        PatFields f => (new Con(ConKind.Fields, null, names.Count, "{ " + string.Join(", ", names) + " }", names),
            names.Select(n => f.Fields.FirstOrDefault(x => x.Name == n) is { Pat: { } sub } ? sub : new PatAny(f.Span)).ToList()),
        _ => null,
    };

    private static bool IsWildcard(Pat p) => p is PatAny or PatVar;

    // ---- unused cases (Haxe's Useless module: Maranget's U and U', simplified as Haxe does) ----

    private enum Useful { False, True, Pos }

    private readonly record struct UResult(Useful Kind, TextSpan Span);

    private void CheckUseless(List<Row> rows, IReadOnlyList<CaseInfo> cases)
    {
        var previous = new List<List<Pat>>();
        foreach (var row in rows)
        {
            var r = UPrime(previous, Copy(previous), Copy(previous), row.Pats, [], []);
            if (r.Kind == Useful.False) _diags.Warning("RZ0211", cases[row.Case].Span, "This case is unused");
            else if (r.Kind == Useful.Pos) _diags.Warning("RZ0212", r.Span, "This pattern is unused");
            if (!row.Guarded) previous.Add(row.Pats);
        }
    }

    private static List<List<Pat>> Copy(List<List<Pat>> m) => m.Select(_ => new List<Pat>()).ToList();

    private static List<List<Pat>> Specialize(Con con, IReadOnlyList<string> names, List<List<Pat>> m)
    {
        var result = new List<List<Pat>>();
        foreach (var row in m)
        {
            var head = row[0];
            while (head is PatBind b) head = b.Inner;
            if (ConOf(head, names) is var (c, args) && c.Equals(con)) result.Add([.. args, .. row.Skip(1)]);
            // a capture variable's row is left out here, as Haxe does
            else if (head is PatAny any) result.Add([.. Enumerable.Repeat<Pat>(any, con.Arity), .. row.Skip(1)]);
        }
        return result;
    }

    /// Rows whose head matches anything, without it (rows starting with an alternative or a
    /// binding are left out, as Haxe does).
    private static List<List<Pat>> DefaultRows(List<List<Pat>> m) =>
        m.Where(r => IsWildcard(r[0])).Select(r => r.Skip(1).ToList()).ToList();

    /// Is the pattern vector q useful after the rows of m (could a value match q and no row)?
    private static bool U(List<List<Pat>> m, List<Pat> q)
    {
        if (q.Count == 0) return m.Count == 0;
        var rest = q.Skip(1).ToList();
        var head = q[0];
        while (true)
        {
            switch (head)
            {
                case PatBind b: head = b.Inner; continue;
                case PatOr o: return U(m, [o.Left, .. rest]) || U(m, [o.Right, .. rest]);
                case PatAny or PatVar: return U(DefaultRows(m), rest);
            }
            var names = FieldNames(m.Select(r => r[0]).Append(head));
            var (con, args) = ConOf(head, names)!.Value;
            return U(Specialize(con, names, m), [.. args, .. rest]);
        }
    }

    /// Moves the head of each row of `source` to the front of the matching row of `target`.
    private static (List<List<Pat>>, List<List<Pat>>) TransferColumn(List<List<Pat>> source, List<List<Pat>> target)
    {
        var s = new List<List<Pat>>();
        var t = new List<List<Pat>>();
        for (var i = 0; i < source.Count; i++)
        {
            if (source[i].Count == 0) continue;
            s.Add(source[i].Skip(1).ToList());
            t.Add([source[i][0], .. target[i]]);
        }
        return (s, t);
    }

    private static (List<List<Pat>>, List<List<Pat>>, List<List<Pat>>) SpecializePrime(Con con, IReadOnlyList<string> names, List<List<Pat>> pm, List<List<Pat>> qm, List<List<Pat>> rm)
    {
        var p = new List<List<Pat>>();
        var q = new List<List<Pat>>();
        var r = new List<List<Pat>>();
        var work = new Stack<(List<Pat> P, List<Pat> Q, List<Pat> R)>();
        for (var i = pm.Count - 1; i >= 0; i--) work.Push((pm[i], qm[i], rm[i]));
        while (work.Count > 0)
        {
            var (p1, q1, r1) = work.Pop();
            var head = p1[0];
            var tail = p1.Skip(1);
            switch (head)
            {
                case PatBind b:
                    work.Push(([b.Inner, .. tail], q1, r1));
                    continue;
                case PatOr o:
                    work.Push(([o.Right, .. tail], q1, r1));
                    work.Push(([o.Left, .. tail], q1, r1));
                    continue;
                case PatAny or PatVar:
                    p.Add([.. Enumerable.Repeat<Pat>(new PatAny(head.Span), con.Arity), .. tail]);
                    q.Add(q1);
                    r.Add(r1);
                    continue;
            }
            if (ConOf(head, names) is var (c, args) && c.Equals(con))
            {
                p.Add([.. args, .. tail]);
                q.Add(q1);
                r.Add(r1);
            }
        }
        return (p, q, r);
    }

    private static UResult Combine(UResult a, TextSpan pa, UResult b, TextSpan pb) => (a.Kind, b.Kind) switch
    {
        (Useful.True, Useful.True) => new(Useful.True, default),
        (Useful.False, Useful.False) => new(Useful.False, default),
        (Useful.True, Useful.False) => new(Useful.Pos, pb),
        (Useful.False, Useful.True) => new(Useful.Pos, pa),
        (Useful.True, Useful.Pos) => b,
        (Useful.Pos, Useful.True) => a,
        (Useful.False, Useful.Pos) => new(Useful.Pos, pa),
        _ => a,
    };

    /// U' of Maranget's "Warnings for pattern matching": tells which alternative of an or-pattern is useless.
    private static UResult UPrime(List<List<Pat>> pm, List<List<Pat>> qm, List<List<Pat>> rm, List<Pat> p, List<Pat> q, List<Pat> r)
    {
        if (p.Count == 0)
        {
            if (r.Count == 0) return new(U(qm, q) ? Useful.True : Useful.False, default);
            var et = new UResult(Useful.True, default);
            for (var i = 0; i < r.Count; i++)
            {
                if (r[i] is not PatOr or) continue;
                // column i of r against the rows, the other columns of r joining q
                (Pat, List<Pat>) Split(List<Pat> row, List<Pat> qrow) => (row[i], [.. row.Take(i), .. row.Skip(i + 1), .. qrow]);
                var col = new List<List<Pat>>();
                var mat = new List<List<Pat>>();
                for (var k = 0; k < rm.Count; k++)
                {
                    var (x, l) = Split(rm[k], qm[k]);
                    col.Add([x]);
                    mat.Add(l);
                }
                var (_, rq) = Split(r, q);
                var et1 = UPrime(col, mat, Copy(mat), [or.Left], rq, []);
                var qm2 = new List<List<Pat>>(mat) { rq };
                var et2 = UPrime([.. col, [or.Left]], qm2, Copy(qm2), [or.Right], rq, []);
                var et3 = Combine(et1, or.Left.Span, et2, or.Right.Span);
                var span = or.Left.Span.To(or.Right.Span);
                et = Combine(et, span, et3, span);
            }
            return et;
        }
        var head = p[0];
        var pl = p.Skip(1).ToList();
        while (head is PatBind b) head = b.Inner;
        switch (head)
        {
            case PatAny or PatVar:
            {
                var (pm2, qm2) = TransferColumn(pm, qm);
                return UPrime(pm2, qm2, rm, pl, [head, .. q], r);
            }
            case PatOr:
            {
                var (pm2, rm2) = TransferColumn(pm, rm);
                return UPrime(pm2, qm, rm2, pl, q, [head, .. r]);
            }
        }
        var names = FieldNames(pm.Select(x => x[0]).Append(head));
        var (con, args) = ConOf(head, names)!.Value;
        var (sp, sq, sr) = SpecializePrime(con, names, pm, qm, rm);
        return UPrime(sp, sq, sr, [.. args, .. pl], q, r);
    }

    // ---- decision tree (Haxe's Compile module) ----

    private sealed record Row(int Case, bool Guarded, List<Pat> Pats);

    /// A value being matched: the switch subject, or a part of another subject.
    private sealed class Subject(HType type, TextSpan span)
    {
        public HType Type { get; } = type;
        public TextSpan Span { get; } = span;
        public Subject? Parent { get; init; }
        public EnumCtorSymbol? Ctor { get; init; }
        public int Index { get; init; }
        public string? Field { get; init; }
        public bool Item { get; init; }
        public TExpr? Root { get; init; }
    }

    private abstract record Dt;

    private sealed record Leaf : Dt;

    private sealed record Fail : Dt;

    private sealed record GuardDt(Dt Then, Dt Else) : Dt;

    private sealed record GuardNull(Subject Subject, Dt Null, Dt Other) : Dt;

    private sealed record SwitchDt(Subject Subject, List<(Con Con, bool Unguarded, Dt Dt)> Cases, Dt Default) : Dt;

    private static readonly Dt FailDt = new Fail();
    private static readonly Dt LeafDt = new Leaf();

    private Dt Compile(List<Subject> subjects, List<Row> rows)
    {
        if (rows.Count == 0) return FailDt;
        if (rows[0].Pats.All(IsWildcard))
            return rows[0].Guarded ? new GuardDt(LeafDt, Compile(subjects, rows.Skip(1).ToList())) : LeafDt;
        rows = Expand(rows);
        (subjects, rows) = SelectColumn(subjects, rows);
        rows = Expand(rows);
        return CompileSwitch(subjects, rows);
    }

    /// Splits rows whose first pattern is an alternative into one row per alternative.
    private static List<Row> Expand(List<Row> rows)
    {
        while (true)
        {
            var changed = false;
            var result = new List<Row>(rows.Count);
            foreach (var row in rows)
            {
                if (row.Pats.Count == 0) { result.Add(row); continue; }
                // through bindings down to an alternative
                var binds = new List<PatBind>();
                var head = row.Pats[0];
                while (head is PatBind b) { binds.Add(b); head = b.Inner; }
                if (head is not PatOr or) { result.Add(row); continue; }
                Pat Rewrap(Pat inner)
                {
                    for (var i = binds.Count - 1; i >= 0; i--) inner = new PatBind(inner, binds[i].Span);
                    return inner;
                }
                changed = true;
                result.Add(row with { Pats = [Rewrap(or.Left), .. row.Pats.Skip(1)] });
                result.Add(row with { Pats = [Rewrap(or.Right), .. row.Pats.Skip(1)] });
            }
            if (!changed) return result;
            rows = result;
        }
    }

    /// Brings the first column the first row tests to the front, in Haxe's order (the columns
    /// before it come after it, reversed).
    private static (List<Subject>, List<Row>) SelectColumn(List<Subject> subjects, List<Row> rows)
    {
        var i = rows[0].Pats.FindIndex(p => !IsWildcard(p));
        if (i <= 0) return (subjects, rows);
        List<T> Reorder<T>(List<T> l) => [l[i], .. l.Take(i).Reverse(), .. l.Skip(i + 1)];
        return (Reorder(subjects), rows.Select(r => r with { Pats = Reorder(r.Pats) }).ToList());
    }

    private Dt CompileSwitch(List<Subject> subjects, List<Row> rows)
    {
        var subject = subjects[0];
        var rest = subjects.Skip(1).ToList();
        var names = FieldNames(rows.Select(r => r.Pats[0]));
        var sigma = new List<(Con Con, bool Unguarded, IReadOnlyList<TextSpan> ArgSpans)>();
        var fieldTypes = new Dictionary<string, HType>();
        var nullRows = new List<Row>();
        foreach (var row in rows)
        {
            var head = row.Pats[0];
            while (head is PatBind b) head = b.Inner;
            if (head is PatCon { Con.Kind: ConKind.Null })
            {
                nullRows.Add(row with { Pats = row.Pats.Skip(1).ToList() });
                continue;
            }
            if (head is PatFields pf)
                foreach (var f in pf.Fields) fieldTypes.TryAdd(f.Name, f.Type);
            if (ConOf(head, names) is not var (con, args)) continue;
            var at = sigma.FindIndex(s => s.Con.Equals(con));
            var spans = args.Select(a => a.Span).ToList();
            if (at < 0) sigma.Add((con, !row.Guarded, spans));
            else sigma[at] = (con, sigma[at].Unguarded || !row.Guarded, spans);
        }
        var cases = new List<(Con, bool, Dt)>();
        foreach (var (con, unguarded, spans) in sigma)
        {
            var subs = SubSubjects(subject, con, spans, fieldTypes);
            cases.Add((con, unguarded, Compile([.. subs, .. rest], SpecializeRows(con, names, rows))));
        }
        var defaultRows = new List<Row>();
        foreach (var row in rows)
        {
            var head = row.Pats[0];
            while (head is PatBind b) head = b.Inner;
            if (IsWildcard(head)) defaultRows.Add(row with { Pats = row.Pats.Skip(1).ToList() });
        }
        var dflt = Compile(rest, defaultRows);
        var dt = cases.Count == 0 ? dflt : new SwitchDt(subject, cases, dflt);
        if (nullRows.Count == 0) return _core.NullInner(subject.Type) != null ? new GuardNull(subject, dflt, dt) : dt;
        return new GuardNull(subject, Compile(rest, [.. nullRows, .. defaultRows]), dt);
    }

    private static List<Row> SpecializeRows(Con con, IReadOnlyList<string> names, List<Row> rows)
    {
        var result = new List<Row>();
        foreach (var row in rows)
        {
            var head = row.Pats[0];
            while (head is PatBind b) head = b.Inner;
            if (ConOf(head, names) is var (c, args) && c.Equals(con)) result.Add(row with { Pats = [.. args, .. row.Pats.Skip(1)] });
            else if (IsWildcard(head)) result.Add(row with { Pats = [.. Enumerable.Repeat<Pat>(new PatAny(head.Span), con.Arity), .. row.Pats.Skip(1)] });
        }
        return result;
    }

    /// The values a constructor's sub-patterns are matched against.
    private IEnumerable<Subject> SubSubjects(Subject s, Con con, IReadOnlyList<TextSpan> argSpans, Dictionary<string, HType> fieldTypes)
    {
        switch (con.Kind)
        {
            case ConKind.Enum:
            {
                var ctor = (EnumCtorSymbol)con.Key!;
                if (ctor.Type is not TFun fun) yield break;
                var owner = Strip(s.Type) as TEnum;
                for (var i = 0; i < fun.Args.Count; i++)
                {
                    var t = owner != null && owner.Enum == ctor.Owner ? TypeSubst.Apply(fun.Args[i].Type, ctor.Owner.Params, owner.Params) : fun.Args[i].Type;
                    yield return new Subject(t, i < argSpans.Count ? argSpans[i] : s.Span) { Parent = s, Ctor = ctor, Index = i };
                }
                break;
            }
            case ConKind.Fields:
                foreach (var n in con.Names)
                    yield return new Subject(fieldTypes.GetValueOrDefault(n) ?? TDynamic.Instance, s.Span) { Parent = s, Field = n };
                break;
            case ConKind.Array:
            {
                var elem = Strip(s.Type) is TInst { Params: [var e] } ? e : TDynamic.Instance;
                // `switch [a, b]`: each item is a subject of its own, at its own place
                var literal = s.Root is TArrayDecl ad && ad.Items.Count == con.Arity ? ad : null;
                for (var i = 0; i < con.Arity; i++)
                    yield return new Subject(literal != null ? literal.Items[i].Type : elem, literal != null ? literal.Items[i].Span : s.Span) { Parent = s, Item = true };
                break;
            }
        }
    }

    /// Follows monomorphs, typedefs and `Null<T>`, as Haxe's `follow` does.
    private HType Strip(HType t)
    {
        for (var guard = 0; guard < 32; guard++)
        {
            t = t.Follow();
            if (t is TAbstract { Params: [var inner] } a && a.Abstract == _core.NullSym) { t = inner; continue; }
            break;
        }
        return t;
    }

    // ---- from the tree: unmatched values (Haxe's TexprConverter) ----

    private enum Finiteness { Infinite, CompileTimeFinite, RunTimeFinite }

    /// Every constructor a value of the subject's type can have, when there is a finite list.
    private (List<Con> All, Finiteness Finiteness, AbstractSymbol? EnumAbstract) AllConstructors(Subject s, List<(Con Con, bool Unguarded, Dt Dt)> cases)
    {
        var t = Strip(s.Type);
        if ((_core.IsDynamic(t) || t is TMono) && cases.Count > 0)
        {
            // the type is inferred from the first constructor
            var first = cases[0].Con;
            if (first.Key is EnumCtorSymbol ec) t = new TEnum(ec.Owner, ec.Owner.Params.Cast<HType>().ToList());
            else if (first.Key is bool) t = _core.Bool;
        }
        for (var guard = 0; guard < 32; guard++)
        {
            switch (t)
            {
                case TAbstract a when a.Abstract == _core.BoolSym:
                    return ([ConstCon(true), ConstCon(false)], Finiteness.RunTimeFinite, null);
                case TAbstract { Abstract: { IsCoreType: false } ea } when ea.Decl.IsEnum:
                    return (EnumAbstractValues(ea).Select(v => v.Con).ToList(), Finiteness.CompileTimeFinite, ea);
                case TAbstract { Abstract: { IsCoreType: false, Underlying: { } u } ua } a2:
                    t = Strip(TypeSubst.Apply(u, ua.Params, a2.Params));
                    continue;
                case TEnum e:
                    return (e.Enum.Constructors.Select(EnumCon).ToList(), Finiteness.RunTimeFinite, null);
                case TInst i when i.Class == _core.StringSym || i.Class.Name == "Array" && i.Class.Module.Pack.Count == 0:
                    return ([], Finiteness.Infinite, null);
                case TAnon or TInst:
                    return ([], Finiteness.CompileTimeFinite, null);
            }
            break;
        }
        return ([], Finiteness.Infinite, null);
    }

    /// The values of an `enum abstract` (its non-static vars), as constructors, with their names.
    private static IEnumerable<(Con Con, string Name)> EnumAbstractValues(AbstractSymbol a)
    {
        foreach (var f in a.Statics.Values)
        {
            if (f.Kind != FieldKindTag.Var || (f.Decl.Modifiers & Syntax.Modifiers.Static) != 0 || f.Body == null) continue;
            var v = f.Body;
            while (v is TCast { Kind: not CastKind.Checked } cast) v = cast.Value;
            if (v is TConst { Value: null }) continue;
            yield return (v is TConst { Value: { } value } ? ConstCon(value) : new Con(ConKind.Value, v, 0, f.Name), f.Name);
        }
    }

    /// Walks the tree the way Haxe turns it into code; false where a value reaches no case
    /// (Haxe's Not_exhaustive), after reporting it where Haxe does.
    private bool Exhaustive(Dt dt, bool toplevel)
    {
        if (_reported) return true;
        switch (dt)
        {
            case Leaf: return true;
            case Fail: return false;
            case GuardDt g:
                if (!Exhaustive(g.Then, false)) return false;
                return Exhaustive(g.Else, false) || !_asValue;
            case GuardNull gn:
                if (!Exhaustive(gn.Null, toplevel))
                {
                    if (!toplevel) { Report(gn.Subject, [NullCon], null); return true; }
                }
                return Exhaustive(gn.Other, toplevel);
            case SwitchDt { Cases: [{ Con.Kind: ConKind.Fields } only] }:
                return Exhaustive(only.Dt, false);
            // an array literal subject has its one length: only that case is reached
            case SwitchDt { Subject.Root: TArrayDecl ad } lit when lit.Cases.FirstOrDefault(k => k.Con.Kind == ConKind.Array && k.Con.Arity == ad.Items.Count) is { Dt: { } tuple }:
                return Exhaustive(tuple, false);
            case SwitchDt sw:
            {
                var (all, finiteness, enumAbstract) = AllConstructors(sw.Subject, sw.Cases);
                var unmatched = all.Where(c => !sw.Cases.Any(k => k.Unguarded && k.Con.Equals(c))).ToList();
                void Branch(Dt sub)
                {
                    if (Exhaustive(sub, false) || _reported) return;
                    if (!_asValue && finiteness == Finiteness.Infinite && toplevel) return;
                    if (finiteness == Finiteness.CompileTimeFinite && unmatched.Count == 0) return;
                    Report(sw.Subject, unmatched, enumAbstract);
                }
                if (!(unmatched.Count == 0 && finiteness == Finiteness.RunTimeFinite)) Branch(sw.Default);
                foreach (var (_, _, sub) in sw.Cases.OrderBy(k => k.Con, Comparer<Con>.Create((a, b) => a.CompareTo(b)))) Branch(sub);
                return true;
            }
        }
        return true;
    }

    private void Report(Subject s, List<Con> unmatched, AbstractSymbol? enumAbstract)
    {
        _reported = true;
        var names = unmatched.Select(c => enumAbstract != null && EnumAbstractValues(enumAbstract).FirstOrDefault(v => v.Con.Equals(c)) is { Name: { } n } ? n : c.Text)
            .Order(StringComparer.Ordinal).ToList();
        var text = names.Count == 0 ? "_" : string.Join(" | ", names);
        _diags.Error("RZ0210", s.Span, "Unmatched patterns: " + Describe(s, text, top: true));
    }

    /// Puts the unmatched text in the context of the subject: `Some(Blue)`, `{ inner: Blue }`.
    private static string Describe(Subject s, string text, bool top)
    {
        if (s.Ctor != null && s.Parent != null)
        {
            var arity = (s.Ctor.Type as TFun)?.Args.Count ?? 0;
            var args = Enumerable.Range(0, arity).Select(i => i == s.Index ? text : "_");
            return Describe(s.Parent, $"{s.Ctor.Name}({string.Join(", ", args)})", false);
        }
        if (s.Field != null && s.Parent != null)
            return Describe(s.Parent, top ? text : $"{{ {s.Field}: {text} }}", false);
        if (s.Item || s.Root == null) return text;
        return DescribeExpr(s.Root, text, top);
    }

    private static string DescribeExpr(TExpr e, string text, bool top)
    {
        var (name, target) = e switch
        {
            TInstanceField f => (f.Field.Name, f.Target),
            TDynField d => (d.Name, d.Target),
            TStaticField sf => (sf.Field.Name, null),
            _ => ((string?)null, (TExpr?)null),
        };
        if (name == null) return text;
        var wrapped = top ? text : $"{{ {name}: {text} }}";
        return target == null ? wrapped : DescribeExpr(target, wrapped, false);
    }
}
