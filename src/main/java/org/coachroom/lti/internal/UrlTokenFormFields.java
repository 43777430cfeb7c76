package org.coachroom.lti.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * A GET form drops the query of its action, so for a cookie-less session every form
 * Thymeleaf writes ({@code th:action}) also carries the URL token as a hidden field.
 * Wraps the processor Spring Security registers (which adds the CSRF field).
 */
class UrlTokenFormFields implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof RequestDataValueProcessor processor && !(bean instanceof Carrying)) {
			return new Carrying(processor);
		}
		return bean;
	}

	record Carrying(RequestDataValueProcessor delegate) implements RequestDataValueProcessor {

		@Override
		public String processAction(HttpServletRequest request, String action, String httpMethod) {
			return delegate.processAction(request, action, httpMethod);
		}

		@Override
		public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
			return delegate.processFormFieldValue(request, name, value, type);
		}

		@Override
		public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
			Map<String, String> fields = delegate.getExtraHiddenFields(request);
			if (!(request.getAttribute(SessionAuthenticationFilter.URL_TOKEN_ATTRIBUTE) instanceof String token)) {
				return fields;
			}
			Map<String, String> carried = new LinkedHashMap<>(fields == null ? Map.of() : fields);
			carried.put(UrlTokens.PARAMETER, token);
			return carried;
		}

		@Override
		public String processUrl(HttpServletRequest request, String url) {
			return delegate.processUrl(request, url);
		}

	}

}
