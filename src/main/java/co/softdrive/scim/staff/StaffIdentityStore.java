package co.softdrive.scim.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Jakarta Security identity store backed by the staff accounts; group names are role names. */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {
  @Inject StaffService staff;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential upc)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return staff
        .verify(upc.getCaller(), upc.getPasswordAsString())
        .map(roles -> new CredentialValidationResult(upc.getCaller(), Set.copyOf(roles)))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
