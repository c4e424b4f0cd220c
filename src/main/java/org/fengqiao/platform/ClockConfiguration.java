package org.fengqiao.platform;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of time. Domain code receives this {@link Clock}. Tests provide their own movable clock
 * and set {@code fengqiao.clock.external=true} so that this one stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fengqiao.clock.external", havingValue = "false", matchIfMissing = true)
class ClockConfiguration {

    @Bean
    PlatformClock clock() {
        return new PlatformClock(Clock.system(ChinaTime.ZONE));
    }
}
