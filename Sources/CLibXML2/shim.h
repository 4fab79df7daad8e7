// libxml2's HTML parser, for web pages saved from a browser (Debian's libxml2-dev).
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its headers would then bring ICU's, which clash with the copy
// Foundation carries. Nothing here uses the ICU converter fields those headers declare.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/globals.h>

/// `xmlFree` is a global function pointer, which Swift 6 cannot touch safely from Swift.
static inline void lantai_xml_free(void *pointer) { xmlFree(pointer); }
