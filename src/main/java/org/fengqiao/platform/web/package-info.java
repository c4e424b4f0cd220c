/** The platform's error page: every refusal the controllers did not answer themselves, as a problem detail or a page. */
package org.fengqiao.platform.web;
