package org.fengqiao.platform;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Tomcat answers its own refusals in the platform's form ({@link ProblemReportValve}). */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve(MessageSource messages,
            org.springframework.beans.factory.ObjectProvider<ErrorFormat> formats) {
        return new Customizer(messages, formats);
    }

    private record Customizer(MessageSource messages, Iterable<ErrorFormat> formats)
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
                // added last, so it sits innermost and reports before any other error report valve
                context.getParent().getPipeline().addValve(new ProblemReportValve(messages, formats));
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
