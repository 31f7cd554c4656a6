#ifndef REDBOOK_CHIREDIS_SHIM_H
#define REDBOOK_CHIREDIS_SHIM_H
#include <hiredis/hiredis.h>
#endif
