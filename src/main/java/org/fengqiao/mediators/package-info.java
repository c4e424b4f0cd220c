/**
 * 调解员库: the mediators of every unit with their specialties, area, languages and availability, their record
 * measured from the cases, suggested mediators for a case with why, and bookings of mediation sessions (joint
 * mediation across units) that never double-book a mediator.
 */
package org.fengqiao.mediators;
