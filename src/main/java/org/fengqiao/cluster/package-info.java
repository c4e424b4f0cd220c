/** What several instances of the platform on one database need to stay in step: reference data changed elsewhere. */
package org.fengqiao.cluster;
