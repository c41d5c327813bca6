package io.jiangxin.server;

/** The running build's version, from the jar manifest when there is one. */
public final class Version {

    private Version() {
    }

    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
