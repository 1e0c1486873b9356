using System.Runtime.CompilerServices;

// Every native signature of the runtime is blittable: no marshalling stubs, the same code under the
// JIT (tests, interpreter) and NativeAOT.
[assembly: DisableRuntimeMarshalling]

// The MIR interpreter compiles the export files (Exports/*.cs) into itself as plain methods; their
// bodies use a few internal helpers (Fail).
[assembly: InternalsVisibleTo("Rayzor.Interp")]
