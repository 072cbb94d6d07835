// libwbxml's converters (Debian libwbxml2-dev), the baseline the WBXML benchmark compares with.
#include <wbxml/wbxml.h>
#include <wbxml/wbxml_conv.h>
