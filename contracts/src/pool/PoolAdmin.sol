// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {PoolStorage} from "./PoolStorage.sol";

/// @notice Lifecycle and parameters: activation and wind-down, deposit limits, the protocol fee (admin, behind
/// the timelock), the allowlist of a permissioned pool, and the guardian's pause.
abstract contract PoolAdmin is PoolStorage {
    using SafeCast for uint256;

    /// @dev Here, the first module over the state, so that every module above can use it.
    modifier whenNotPaused() {
        _requireNotPaused();
        _;
    }

    function activate() external whenNotPaused onlyRole(POOL_MANAGER_ROLE) {
        _setStatus(Status.Raising, Status.Active);
    }

    /// @notice Wind-down: no more deposits or deployments; repayments, revenue and exits go on.
    function close() external whenNotPaused onlyRole(POOL_MANAGER_ROLE) {
        if (status == Status.Closed) revert InvalidStatusChange(status, Status.Closed);
        _setStatus(status, Status.Closed);
    }

    function setDepositLimits(uint256 newCap, uint256 newMinDeposit)
        external
        whenNotPaused
        onlyRole(POOL_MANAGER_ROLE)
    {
        if (newMinDeposit > newCap) revert InvalidParameter();
        depositCap = newCap.toUint64();
        _minDeposit = newMinDeposit.toUint48();
        emit DepositLimitsUpdated(newCap, newMinDeposit);
    }

    /// @notice Admin only: the admin is a TimelockController, so a change waits out its delay in public.
    function setProtocolFee(address newTreasury, uint16 newFeeBps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (newTreasury == address(0) || newFeeBps > MAX_PROTOCOL_FEE_BPS) revert InvalidParameter();
        treasury = newTreasury;
        protocolFeeBps = newFeeBps;
        emit ProtocolFeeUpdated(newTreasury, newFeeBps);
    }

    function setAllowed(address account, bool allowed) external onlyRole(COMPLIANCE_ROLE) {
        isAllowed[account] = allowed;
        emit AllowlistUpdated(account, allowed);
    }

    function pause() external onlyRole(GUARDIAN_ROLE) {
        _requireNotPaused();
        _paused = true;
        emit Paused(msg.sender);
    }

    function unpause() external onlyRole(GUARDIAN_ROLE) {
        if (!_paused) revert ExpectedPause();
        _paused = false;
        emit Unpaused(msg.sender);
    }

    /// @dev Kept beside the supply and idle cash (one slot every deposit and exit reads) rather than in
    /// OpenZeppelin's Pausable slot.
    function paused() public view returns (bool) {
        return _paused;
    }

    function _requireNotPaused() internal view {
        if (_paused) revert EnforcedPause();
    }

    function _setStatus(Status from, Status to) internal {
        if (status != from) revert InvalidStatusChange(status, to);
        status = to;
        emit PoolStatusChanged(from, to);
    }

    function _mayHold(address account) internal view returns (bool) {
        return !permissioned || isAllowed[account];
    }
}
