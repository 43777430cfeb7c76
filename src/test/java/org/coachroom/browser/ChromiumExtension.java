package org.coachroom.browser;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.WebDriver;

/**
 * One headless Chromium per test class ({@code @ExtendWith(ChromiumExtension.class)}):
 * started before the class's first test (the class is skipped, saying why, where no
 * Chromium or chromedriver is installed), quit after its last, and handed to any test,
 * {@code @BeforeEach} or constructor parameter of type {@link Chromium} or
 * {@link WebDriver}.
 */
public class ChromiumExtension implements BeforeAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(ChromiumExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		// the class-level store closes it (Chromium is AutoCloseable) once the class is
		// done
		context.getStore(NAMESPACE).put(Chromium.class, Chromium.start(context.getRequiredTestClass()));
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == Chromium.class || type == WebDriver.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Chromium chromium = context.getStore(NAMESPACE).get(Chromium.class, Chromium.class);
		return parameter.getParameter().getType() == WebDriver.class ? chromium.driver() : chromium;
	}

}
