// The prefetch hint is an inline function in the header; this file gives the module a source to compile.
#include "custodes_prefetch.h"
