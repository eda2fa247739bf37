/* The one version string of scnfg (printed by 'scnfg version' and written
 * into every report). */
#ifndef SCNFG_BASE_VERSION_H
#define SCNFG_BASE_VERSION_H

#define SCNFG_VERSION "0.1.0"

#endif
