/**
 * The public response board (回音壁 / 问题墙): de-identified case summaries with the official reply, approved by a
 * person before they appear, "me too" on open problems, and the public statistics per township.
 */
package org.fengqiao.openboard;
