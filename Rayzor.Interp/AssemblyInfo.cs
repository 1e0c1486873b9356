using System.Runtime.CompilerServices;

// Native signatures and entry thunks are blittable, as in the runtime (no marshalling stubs).
[assembly: DisableRuntimeMarshalling]
