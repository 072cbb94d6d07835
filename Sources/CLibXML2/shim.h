// libxml2's parser and XML Schema validator, for SchemaValidation.
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
