/** Age-based pruning of the inbox and of fired timers. */
package com.loyaltysuite.support.retention;
