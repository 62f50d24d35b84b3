/* version.h — okrc's version, one place for --version, SARIF and JSON. */
#ifndef OKRC_VERSION_H
#define OKRC_VERSION_H

#define OKRC_VERSION "0.1.0"

#endif
