#ifndef REDBOOK_CDNNL_SHIM_H
#define REDBOOK_CDNNL_SHIM_H
#include <oneapi/dnnl/dnnl.h>
#endif
