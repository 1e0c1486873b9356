using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

/// One loaded .hx file: its path in dotted form (`pack.Module`) and the types it declares.
public sealed class ModuleSymbol(string path, IReadOnlyList<string> pack, string name, SourceFile file, ModuleSyntax syntax)
{
    public string Path { get; } = path;
    public IReadOnlyList<string> Pack { get; } = pack;
    public string Name { get; } = name;
    public SourceFile File { get; } = file;
    public ModuleSyntax Syntax { get; } = syntax;
    public List<TypeSymbol> Types { get; } = new();

    /// The module's main type (same name as the module), if any.
    public TypeSymbol? MainType => Types.FirstOrDefault(t => t.Name == Name);

    public TypeSymbol? Find(string name) => Types.FirstOrDefault(t => t.Name == name);

    public override string ToString() => Path;
}

/// A declared type: class, interface, enum, abstract or typedef.
public abstract class TypeSymbol(ModuleSymbol module, string name, TypeDecl decl)
{
    public ModuleSymbol Module { get; } = module;
    public string Name { get; } = name;
    public TypeDecl Decl { get; } = decl;
    public List<TParam> Params { get; } = new();

    /// `pack.Name` as Haxe prints it in `Type.getClassName`.
    public string FullName => string.Join('.', Module.Pack.Append(Name));

    public bool HasMeta(string name) => Decl.Meta.Any(m => m.Name == name);

    public MetaEntry? Meta(string name) => Decl.Meta.FirstOrDefault(m => m.Name == name);

    public bool IsExtern => (Decl.Modifiers & Modifiers.Extern) != 0;

    public override string ToString() => FullName;
}

/// A class or interface.
public sealed class ClassSymbol(ModuleSymbol module, string name, ClassDecl decl) : TypeSymbol(module, name, decl)
{
    public new ClassDecl Decl => (ClassDecl)base.Decl;
    public bool IsInterface => Decl.IsInterface;
    public TInst? Super { get; set; }
    public List<TInst> Interfaces { get; } = new();
    public Dictionary<string, FieldSymbol> Fields { get; } = new();
    public Dictionary<string, FieldSymbol> Statics { get; } = new();
    public FieldSymbol? Constructor { get; set; }

    /// Statics and members in declaration order (static initializers run in this order).
    public List<FieldSymbol> DeclaredFields { get; } = new();

    /// True once the class header (super, interfaces, field signatures) has been built.
    public bool HeaderBuilt { get; set; }

    /// Finds an instance field here or in a superclass; an interface also looks in the interfaces
    /// it extends (`interface Sub extends One` has One's methods).
    public FieldSymbol? FindField(string name)
    {
        for (var c = this; c != null; c = c.Super?.Class)
            if (c.Fields.TryGetValue(name, out var f)) return f;
        if (IsInterface)
            foreach (var parent in Interfaces)
                if (parent.Class.FindField(name) is { } f) return f;
        return null;
    }
}

/// An enum.
public sealed class EnumSymbol(ModuleSymbol module, string name, EnumDecl decl) : TypeSymbol(module, name, decl)
{
    public new EnumDecl Decl => (EnumDecl)base.Decl;
    public List<EnumCtorSymbol> Constructors { get; } = new();
}

/// One enum constructor; Index is its position in the declaration.
public sealed class EnumCtorSymbol(EnumSymbol owner, string name, int index, EnumCtorDecl decl)
{
    public EnumSymbol Owner { get; } = owner;
    public string Name { get; } = name;
    public int Index { get; } = index;
    public EnumCtorDecl Decl { get; } = decl;
    public HType? Type { get; set; }
}

/// An abstract type; core types (`@:coreType`) have no underlying type.
public sealed class AbstractSymbol(ModuleSymbol module, string name, AbstractDecl decl) : TypeSymbol(module, name, decl)
{
    public new AbstractDecl Decl => (AbstractDecl)base.Decl;
    public bool IsCoreType => HasMeta(":coreType");
    public HType? Underlying { get; set; }
    public List<HType> From { get; } = new();
    public List<HType> To { get; } = new();
    public Dictionary<string, FieldSymbol> Statics { get; } = new();
    public Dictionary<string, FieldSymbol> Fields { get; } = new();
    public bool HeaderBuilt { get; set; }
}

/// `typedef Name<T> = Type`.
public sealed class TypedefSymbol(ModuleSymbol module, string name, TypedefDecl decl) : TypeSymbol(module, name, decl)
{
    public new TypedefDecl Decl => (TypedefDecl)base.Decl;
    public HType? Target { get; set; }

    /// The aliased type with this typedef's parameters replaced by the given arguments.
    public HType Expand(IReadOnlyList<HType> args)
    {
        var target = Target ?? TDynamic.Instance;
        return Params.Count == 0 ? target : TypeSubst.Apply(target, Params, args);
    }
}

public enum FieldKindTag { Var, Method, Property }

/// A field of a class or abstract (static or instance).
public sealed class FieldSymbol(TypeSymbol owner, string name, FieldDecl decl, bool isStatic)
{
    public TypeSymbol Owner { get; } = owner;
    public string Name { get; } = name;
    public FieldDecl Decl { get; } = decl;
    public bool IsStatic { get; } = isStatic;
    public FieldKindTag Kind => Decl.Kind switch
    {
        MethodField => FieldKindTag.Method,
        PropertyField => FieldKindTag.Property,
        _ => FieldKindTag.Var,
    };
    public bool IsInline => (Decl.Modifiers & Modifiers.Inline) != 0;
    /// Bound by the compiler rather than compiled from a body; `extern inline` functions with a
    /// body (always inlined in Haxe) are compiled as usual, in an extern class too
    /// (`haxe.EnumTools.getConstructors`), except Array's and Math's, which the compiler binds.
    public bool IsExtern => Owner.IsExtern && !(HasInlineBody && Owner.FullName is not ("Array" or "Math"))
        || (Decl.Modifiers & Modifiers.Extern) != 0 && !HasInlineBody;

    private bool HasInlineBody => IsInline && Decl.Kind is MethodField { Function.Body: not null };

    /// A `dynamic` method: it can be assigned a new function.
    public bool IsDynamic => (Decl.Modifiers & Modifiers.Dynamic) != 0;

    /// Set when the program assigns this dynamic method: it then lives in a variable (a global
    /// closure for a static), and its calls go through that variable.
    public bool Reassigned { get; set; }
    public List<TParam> Params { get; } = new();

    /// The field's type (a TFun for methods); null until the header is built.
    public HType? Type { get; set; }

    /// Typed body (methods) or initializer (vars); set when the typer reaches the field.
    public TExpr? Body { get; set; }

    /// Arguments of a method, as locals of its body.
    public List<LocalSymbol> ArgLocals { get; } = new();

    /// An abstract's instance function: the local `this` of its body.
    public LocalSymbol? AbstractThis { get; set; }

    /// An `inline` abstract instance function that assigns `this`: as in Haxe, the assignment
    /// changes the caller's variable, so `this` is passed by reference (a cell).
    public bool ThisByRef { get; set; }

    public bool Typed { get; set; }
    public bool Typing { get; set; }

    public string FullName => Owner.FullName + "." + Name;

    public MetaEntry? Meta(string name) => Decl.Meta.FirstOrDefault(m => m.Name == name);

    public override string ToString() => FullName;
}

/// A local variable or function argument.
public sealed class LocalSymbol(int id, string name, HType type, TextSpan span)
{
    public int Id { get; } = id;
    public string Name { get; } = name;
    public HType Type { get; set; } = type;
    public TextSpan Span { get; } = span;
    public bool IsFinal { get; init; }

    /// Set when a closure captures it (it then lives in a heap cell).
    public bool Captured { get; set; }

    /// The function (method or local function) that declares it.
    public int Owner { get; init; }

    public override string ToString() => Name;
}
