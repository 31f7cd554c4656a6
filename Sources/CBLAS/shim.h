#ifndef REDBOOK_CBLAS_SHIM_H
#define REDBOOK_CBLAS_SHIM_H
#include <cblas.h>
#endif
