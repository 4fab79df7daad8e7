/// The program's version, as `lantai --version` prints it and the Debian package is named.
public enum LantaiVersion {
    public static let current = "0.1.0"
}
