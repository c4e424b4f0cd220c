package org.fengqiao.platform;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code fengqiao.read-replica.url} set, the application's data source becomes a {@link ReadReplica.Routing}
 * over the primary and a pool of read-only connections to the replica; without it, nothing changes.
 */
@Configuration(proxyBeanMethods = false)
class ReadReplicaConfiguration {

    /** The replica's state, shared by the routing data source and the report pages. */
    static final class Holder {
        volatile ReadReplica replica = ReadReplica.none();
    }

    @Bean
    static Holder readReplicaHolder() {
        return new Holder();
    }

    /** After the data source, which sets the replica up when one is configured. */
    @Bean
    ReadReplica readReplica(Holder holder, DataSource dataSource) {
        return holder.replica;
    }

    @Bean
    static BeanPostProcessor readReplicaRouting(org.springframework.core.env.Environment env,
                                                org.springframework.beans.factory.ObjectProvider<Holder> holder) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof DataSource primary) || bean instanceof ReadReplica.ReplicaAware
                        || !"dataSource".equals(name)) {
                    return bean;
                }
                ReadReplicaProperties properties = org.springframework.boot.context.properties.bind.Binder.get(env)
                        .bind("fengqiao.read-replica", ReadReplicaProperties.class)
                        .orElseGet(() -> new ReadReplicaProperties(null, null, null, null, null, null, null));
                if (!properties.configured()) {
                    return bean;
                }
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(properties.url());
                config.setUsername(properties.username());
                config.setPassword(properties.password());
                config.setMaximumPoolSize(properties.poolSize());
                config.setReadOnly(true);
                config.setPoolName("fengqiao-replica");
                // an unreachable replica must not hold a report up for long, nor stop the start
                config.setConnectionTimeout(2_000);
                config.setInitializationFailTimeout(-1);
                config.addDataSourceProperty("ApplicationName", "fengqiao-reports");
                HikariDataSource replicaSource = new HikariDataSource(config);
                ReadReplica replica = new ReadReplica(properties, primary, replicaSource);
                holder.getObject().replica = replica;
                return new ReadReplica.ReplicaAware(primary, replicaSource, replica);
            }
        };
    }
}
