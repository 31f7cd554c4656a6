#ifndef REDBOOK_CDNNL_SHIM_H
#define REDBOOK_CDNNL_SHIM_H
#include <oneapi/dnnl/dnnl.h>

// oneDNN is opened when the encoder first needs it, not linked: loading its 40 MB at every start
// would slow every command, most of which never multiply a matrix. These are the types of the
// functions looked up in it, taken from the header itself.
typedef __typeof__(&dnnl_sgemm) redbook_dnnl_sgemm;
typedef __typeof__(&dnnl_version) redbook_dnnl_version;
typedef __typeof__(&dnnl_get_effective_cpu_isa) redbook_dnnl_get_effective_cpu_isa;
#endif
