/**
 * Notifications: messages to staff (in-app, SMS, e-mail) and citizens (SMS) about their cases, written to a
 * transactional outbox with the case change that causes them and delivered by a retrying worker.
 */
package org.fengqiao.notifications;
