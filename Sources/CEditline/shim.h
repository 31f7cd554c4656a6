#ifndef REDBOOK_CEDITLINE_SHIM_H
#define REDBOOK_CEDITLINE_SHIM_H
#include <stdio.h>
#include <histedit.h>
#endif
