namespace Rayzor.Frontend.Syntax;

/// Binary operators, including assignments and the interval/arrow forms.
public enum BinaryOp
{
    Add, Sub, Mul, Div, Mod,
    Shl, Shr, UShr, And, Or, Xor,
    Eq, NotEq, Lt, LtEq, Gt, GtEq,
    BoolAnd, BoolOr,
    /// `a ... b`
    Interval,
    /// `a => b` (map literal items, extractor patterns)
    Arrow,
    /// `a ?? b`
    NullCoal,
    /// `a = b`
    Assign,
    /// `a op= b`; the operator is in AssignOpExpr.Op.
    AssignOp,
}

/// Unary operators; Postfix is recorded on the node.
public enum UnaryOp { Increment, Decrement, Not, Neg, BitNot, Spread }
