// Cairo 2D drawing with its PNG surface (Debian: libcairo2-dev).
#include <cairo/cairo.h>
#include <cairo/cairo-svg.h>
