package org.fengqiao.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.fengqiao.platform.ReadReplica;
import org.fengqiao.platform.ReadReplicaProperties;

/**
 * Sends the report requests ({@code fengqiao.read-replica.paths}, GET only) to the read replica: set after the
 * security filters (which read and write the page session on the primary) and cleared before the session is
 * saved. The request carries where it read ({@code readRoute}, for the page's note beside the figures) and the
 * {@code Fengqiao-Read-Source} header.
 */
@Configuration(proxyBeanMethods = false)
class ReplicaRoutes implements WebMvcConfigurer, HandlerInterceptor {

    /** The request attribute (and page variable) saying where the report read. */
    static final String ROUTE = "readRoute";

    private final ReadReplica replica;
    private final ReadReplicaProperties properties;

    ReplicaRoutes(ReadReplica replica, ReadReplicaProperties properties) {
        this.replica = replica;
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(properties.paths());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if ("GET".equals(request.getMethod())) {
            ReadReplica.Route route = replica.route();
            request.setAttribute(ROUTE, route);
            response.setHeader("Fengqiao-Read-Source", route.header());
            replica.startReporting();
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        replica.endReporting();
    }
}
