package org.stoxum.codec.manifest;

import java.util.List;

/**
 * Validator tokens recorded in stoxumd's own tests (src/test/app/ValidatorKeys_test.cpp and Manifest_test.cpp),
 * made by the validator-keys tool; shared by the codec, engine and cli tests.
 */
public final class RecordedTokens {
    /** The token's lines as stoxumd's test writes them, stray white space included to test trimming. */
    public static final List<String> TOKEN_BLOB = List.of(
            "    eyJ2YWxpZGF0aW9uX3NlY3JldF9rZXkiOiI5ZWQ0NWY4NjYyNDFjYzE4YTI3NDdiNT\n",
            " \tQzODdjMDYyNTkwNzk3MmY0ZTcxOTAyMzFmYWE5Mzc0NTdmYTlkYWY2IiwibWFuaWZl     \n",
            "\tc3QiOiJKQUFBQUFGeEllMUZ0d21pbXZHdEgyaUNjTUpxQzlnVkZLaWxHZncxL3ZDeE\n",
            "\t hYWExwbGMyR25NaEFrRTFhZ3FYeEJ3RHdEYklENk9NU1l1TTBGREFscEFnTms4U0tG\t  \t\n",
            "bjdNTzJmZGtjd1JRSWhBT25ndTlzQUtxWFlvdUorbDJWMFcrc0FPa1ZCK1pSUzZQU2\n",
            "hsSkFmVXNYZkFpQnNWSkdlc2FhZE9KYy9hQVpva1MxdnltR21WcmxIUEtXWDNZeXd1\n",
            "NmluOEhBU1FLUHVnQkQ2N2tNYVJGR3ZtcEFUSGxHS0pkdkRGbFdQWXk1QXFEZWRGdj\n",
            "VUSmEydzBpMjFlcTNNWXl3TFZKWm5GT3I3QzBrdzJBaVR6U0NqSXpkaXRROD0ifQ==\n");

    /** The manifest inside {@link #TOKEN_BLOB}. */
    public static final String TOKEN_MANIFEST =
            "JAAAAAFxIe1FtwmimvGtH2iCcMJqC9gVFKilGfw1/vCxHXXLplc2GnMhAkE1agqXxBwD"
            + "wDbID6OMSYuM0FDAlpAgNk8SKFn7MO2fdkcwRQIhAOngu9sAKqXYouJ+l2V0W+sAOkVB"
            + "+ZRS6PShlJAfUsXfAiBsVJGesaadOJc/aAZokS1vymGmVrlHPKWX3Yywu6in8HASQKPu"
            + "gBD67kMaRFGvmpATHlGKJdvDFlWPYy5AqDedFv5TJa2w0i21eq3MYywLVJZnFOr7C0kw"
            + "2AiTzSCjIzditQ8=";

    /** The token's signing secret, hex as the token spells it. */
    public static final String TOKEN_SECRET_HEX = "9ed45f866241cc18a2747b54387c0625907972f4e7190231faa937457fa9daf6";

    /** The same secret as stoxumd's test spells it: a node private key in the Ripple alphabet. */
    public static final String TOKEN_SECRET_RIPPLE = "paQmjZ37pKKPMrgadBLsuf9ab7Y7EUNzh27LQrZqoexpAs31nJi";

    /** The token's master key (the manifest's PublicKey) in the Ripple alphabet. */
    public static final String TOKEN_MASTER_RIPPLE = "nHBt9fsb4849WmZiCds4r5TXyBeQjqnH5kzPtqgMAQMgi39YZRPa";

    /** The same master key in the Stoxum alphabet. */
    public static final String TOKEN_MASTER_STOXUM = "Emp82qtBAVA2gcKh3UtAxwMZWpP5bHEmwu6G8H7JL5J7hQ2sKnGX";

    /** A well-formed token whose secret is not the manifest's signing key (stoxumd's invalidTokenBlob). */
    public static final List<String> MISMATCHED_BLOB = List.of(
            "eyJtYW5pZmVzdCI6IkpBQUFBQVZ4SWUyOVVBdzViZFJudHJ1elVkREk4aDNGV1JWZl\n",
            "k3SXVIaUlKQUhJd3MxdzZzM01oQWtsa1VXQWR2RnFRVGRlSEpvS1pNY0hlS0RzOExo\n",
            "b3d3bDlHOEdkVGNJbmFka1l3UkFJZ0h2Q01lQU1aSzlqQnV2aFhlaFRLRzVDQ3BBR1\n",
            "k0bGtvZHRXYW84UGhzR3NDSUREVTA1d1c3bWNiMjlVNkMvTHBpZmgvakZPRGhFR21i\n",
            "NWF6dTJMVHlqL1pjQkpBbitmNGhtQTQ0U0tYbGtTTUFqak1rSWRyR1Rxa21SNjBzVG\n",
            "JaTjZOOUYwdk9UV3VYcUZ6eDFoSGIyL0RqWElVZXhDVGlITEcxTG9UdUp1eXdXbk55\n",
            "RFE9PSIsInZhbGlkYXRpb25fc2VjcmV0X2tleSI6IjkyRDhCNDBGMzYwMTc5MTkwMU\n",
            "MzQTUzMzI3NzBDMkUwMTA4MDI0NTZFOEM2QkI0NEQ0N0FFREQ0NzJGMDQ2RkYifQ==\n");

    private RecordedTokens() {
    }
}
