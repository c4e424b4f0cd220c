/**
 * Open311 GeoReport v2: other systems (a city's 12345 platform, apps) read the services and post service
 * requests, registered through the same case service as staff intake; per-client API keys.
 */
package org.fengqiao.open311;
