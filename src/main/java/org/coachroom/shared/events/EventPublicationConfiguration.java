package org.coachroom.shared.events;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands Modulith's JDBC event publication repository a {@link LowerCaseEventTableJdbcTemplate}
 * (an inner bean, so the application's own JdbcTemplate stays as Spring Boot made it).
 */
@Configuration(proxyBeanMethods = false)
class EventPublicationConfiguration {

	static final String REPOSITORY_BEAN = "jdbcEventPublicationRepository";

	@Bean
	static BeanFactoryPostProcessor lowerCaseEventPublicationTable() {
		return beanFactory -> {
			if (!beanFactory.containsBeanDefinition(REPOSITORY_BEAN)) {
				return;
			}
			BeanDefinition template = BeanDefinitionBuilder.genericBeanDefinition(LowerCaseEventTableJdbcTemplate.class)
				.addConstructorArgReference("dataSource")
				.getBeanDefinition();
			beanFactory.getBeanDefinition(REPOSITORY_BEAN).getConstructorArgumentValues().addIndexedArgumentValue(0, template);
		};
	}
}
