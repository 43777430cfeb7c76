package org.coachroom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.NamedInterface;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import graph: which package of {@code org.coachroom} uses which, drawn as a Mermaid
 * flowchart in {@code docs/import-graph.md} (a subgraph per module, a node per package,
 * an arrow per package dependency). A module is a direct sub-package of
 * {@code org.coachroom}; its root package is its API, and so is a package (or class)
 * marked {@code @NamedInterface}, and every package of a module declared
 * {@code @ApplicationModule(type = OPEN)} ({@code shared}). A class may use another
 * module's API only, never its sub-packages.
 * <p>
 * The drawing is checked against the code on every build. After a change of packages or
 * of what uses what, write it again with
 * {@code ./mvnw test -Dtest=ImportGraphTests -Dimport-graph.write=true} and commit it.
 */
class ImportGraphTests {

	private static final String ROOT = "org.coachroom";

	private static final Path DRAWING = Path.of("docs/import-graph.md");

	private static final JavaClasses classes = importProductionClasses();

	/** Package to the packages it uses (itself left out), of production classes. */
	private static final SortedMap<String, SortedSet<String>> graph = packageGraph();

	/**
	 * Coachroom's own classes only: what they use outside org.coachroom is not followed
	 * (the graph needs its package name only), which keeps the import quick.
	 */
	private static JavaClasses importProductionClasses() {
		ArchConfiguration configuration = ArchConfiguration.get();
		boolean resolving = configuration.resolveMissingDependenciesFromClassPath();
		configuration.setResolveMissingDependenciesFromClassPath(false);
		try {
			return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages(ROOT);
		}
		finally {
			configuration.setResolveMissingDependenciesFromClassPath(resolving);
		}
	}

	@Test
	void modulesUseOnlyEachOthersApi() {
		List<String> trespasses = classes.stream()
			.flatMap(c -> c.getDirectDependenciesFromSelf().stream())
			.filter(ImportGraphTests::intoAnotherModulesInternals)
			.map(Dependency::getDescription)
			.distinct()
			.sorted()
			.toList();
		assertThat(trespasses).as("dependencies into another module's sub-packages (not its API)").isEmpty();
	}

	@Test
	void theDrawingIsTheCode() throws IOException {
		String drawn = mermaid();
		if (Boolean.getBoolean("import-graph.write")) {
			Files.writeString(DRAWING, drawn, StandardCharsets.UTF_8);
		}
		String committed = Files.exists(DRAWING) ? Files.readString(DRAWING, StandardCharsets.UTF_8) : "";
		assertThat(committed)
			.as("docs/import-graph.md is not the code's import graph; write it again with "
					+ "./mvnw test -Dtest=ImportGraphTests -Dimport-graph.write=true")
			.isEqualTo(drawn);
	}

	private static boolean intoAnotherModulesInternals(Dependency dependency) {
		JavaClass origin = dependency.getOriginClass();
		JavaClass target = dependency.getTargetClass();
		Optional<String> from = module(origin.getPackageName());
		Optional<String> to = module(target.getPackageName());
		if (from.isEmpty() || to.isEmpty() || from.equals(to)) {
			return false;
		}
		return !isApi(target);
	}

	/** The module a package belongs to: the first name under org.coachroom. */
	private static Optional<String> module(String packageName) {
		if (!packageName.startsWith(ROOT + ".")) {
			return Optional.empty();
		}
		String rest = packageName.substring(ROOT.length() + 1);
		int dot = rest.indexOf('.');
		return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
	}

	private static boolean isApi(JavaClass target) {
		String module = module(target.getPackageName()).orElseThrow();
		String moduleRoot = ROOT + "." + module;
		if (target.getPackageName().equals(moduleRoot) || isOpen(moduleRoot)) {
			return true;
		}
		return isNamedInterface(target.getPackageName()) || target.isAnnotatedWith(NamedInterface.class)
				|| target.getEnclosingClass().map(c -> c.isAnnotatedWith(NamedInterface.class)).orElse(false);
	}

	/** A module whose every package is API: {@code @ApplicationModule(type = OPEN)}. */
	private static boolean isOpen(String moduleRoot) {
		return packageInfo(moduleRoot)
			.map(info -> info.isAnnotatedWith(ApplicationModule.class)
					&& info.getAnnotationOfType(ApplicationModule.class).type() == ApplicationModule.Type.OPEN)
			.orElse(false);
	}

	private static boolean isNamedInterface(String packageName) {
		return packageInfo(packageName).map(info -> info.isAnnotatedWith(NamedInterface.class)).orElse(false);
	}

	private static Optional<? extends HasAnnotations<?>> packageInfo(String packageName) {
		return classes.containPackage(packageName) ? classes.getPackage(packageName).tryGetPackageInfo()
				: Optional.empty();
	}

	private static SortedMap<String, SortedSet<String>> packageGraph() {
		SortedMap<String, SortedSet<String>> edges = new TreeMap<>();
		for (JavaClass origin : classes) {
			String from = origin.getPackageName();
			if (module(from).isEmpty()) {
				continue;
			}
			edges.computeIfAbsent(from, p -> new TreeSet<>());
			for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
				String to = dependency.getTargetClass().getPackageName();
				if (module(to).isPresent() && !to.equals(from)) {
					edges.get(from).add(to);
					edges.computeIfAbsent(to, p -> new TreeSet<>());
				}
			}
		}
		return edges;
	}

	private static String mermaid() {
		Map<String, SortedSet<String>> packagesByModule = new TreeMap<>();
		graph.keySet()
			.forEach(p -> packagesByModule.computeIfAbsent(module(p).orElseThrow(), m -> new TreeSet<>()).add(p));
		StringBuilder out = new StringBuilder();
		out.append("# The import graph\n\n")
			.append("Which package of `org.coachroom` uses which, from the compiled classes: a box per module, ")
			.append("a node per package (the module's root package is its API), an arrow per package that uses ")
			.append("another. An arrow from one module into another ends at that module's API only ")
			.append("(`shared` is open: all of it is API).\n\n")
			.append("Written by `ImportGraphTests`, which fails when this file is not the code's graph; ")
			.append("write it again with `./mvnw test -Dtest=ImportGraphTests -Dimport-graph.write=true`.\n\n")
			.append("```mermaid\nflowchart LR\n");
		packagesByModule.forEach((module, packages) -> {
			out.append("  subgraph m_").append(module).append("[\"").append(module).append("\"]\n");
			for (String p : packages) {
				String name = p.substring(ROOT.length() + 1);
				out.append("    ")
					.append(node(p))
					.append("[\"")
					.append(name.equals(module) ? name + " (API)" : name)
					.append("\"]\n");
			}
			out.append("  end\n");
		});
		graph.forEach((from, targets) -> targets
			.forEach(to -> out.append("  ").append(node(from)).append(" --> ").append(node(to)).append('\n')));
		out.append("```\n");
		return out.toString();
	}

	/** A Mermaid node id (never a keyword such as {@code end}). */
	private static String node(String packageName) {
		return "p_" + packageName.substring(ROOT.length() + 1).replace('.', '_');
	}

}
