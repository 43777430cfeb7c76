package org.coachroom.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements and commits the application's request threads send while a
 * test asks, to hold a page to "a few queries" whatever the person has. Scheduled jobs
 * and background events run on other threads and are not counted.
 */
public class StatementCounter implements BeanPostProcessor {

	/** What one request cost the database. */
	public record Counted<T>(T result, int statements, int commits) {
	}

	private static volatile boolean recording;

	private static final AtomicInteger statements = new AtomicInteger();

	private static final AtomicInteger commits = new AtomicInteger();

	/** Runs the call (an HTTP request to the application) and counts what it sent. */
	public static synchronized <T> Counted<T> count(Supplier<T> call) {
		statements.set(0);
		commits.set(0);
		recording = true;
		try {
			T result = call.get();
			return new Counted<>(result, statements.get(), commits.get());
		}
		finally {
			recording = false;
		}
	}

	private static boolean counting() {
		// Tomcat's request threads are named "...-exec-N"
		return recording && Thread.currentThread().getName().contains("-exec-");
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof Proxy)) {
			return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
					forward(dataSource,
							(method, result) -> method.getName().equals("getConnection")
									? Proxy.newProxyInstance(getClass().getClassLoader(),
											new Class<?>[] { Connection.class }, connection((Connection) result))
									: result));
		}
		return bean;
	}

	private static InvocationHandler connection(Connection connection) {
		return forward(connection, (method, result) -> {
			if (counting()) {
				switch (method.getName()) {
					case "prepareStatement", "createStatement", "prepareCall" -> statements.incrementAndGet();
					case "commit" -> commits.incrementAndGet();
					default -> {
					}
				}
			}
			return result;
		});
	}

	private interface After {

		Object apply(Method method, Object result);

	}

	private static InvocationHandler forward(Object target, After after) {
		return (proxy, method, args) -> {
			try {
				return after.apply(method, method.invoke(target, args));
			}
			catch (InvocationTargetException e) {
				throw e.getCause();
			}
		};
	}

}
