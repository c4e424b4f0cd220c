/**
 * Units (governance centres at county, township and village level, departments and mediation committees),
 * each bound to a region, and the staff users who belong to them with their roles.
 */
package org.fengqiao.organisation;
