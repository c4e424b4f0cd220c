/** The citizen's door: 随手报 reports, tracking by code and key or one-time code, replies and online evaluation. */
package org.fengqiao.citizens;
