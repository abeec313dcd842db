import { configure } from "@testing-library/react";

// The suites run beside other packages' on two cores: give `waitFor` and `findBy*` room before they give up.
configure({ asyncUtilTimeout: 10_000 });
