// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {HardwareAssetRegistry} from "../HardwareAssetRegistry.sol";
import {PoolAdmin} from "./PoolAdmin.sol";

/// @notice Principal: capital deployed to the project's own machines within per-asset limits, repayments,
/// provisions for expected losses, write-downs and recoveries; and `_pull`, through which all USDC comes in.
abstract contract PoolCapital is PoolAdmin {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    /// @notice Idle USDC the manager may deploy: what waiting exits are owed stays in the pool.
    function deployableCapital() public view returns (uint256) {
        uint256 owed = pendingRedeemShares == 0 ? 0 : _convertToAssets(pendingRedeemShares, Math.Rounding.Ceil);
        return idle > owed ? idle - owed : 0;
    }

    /// @notice Sends idle USDC to the project's operator for one of this pool's hardware assets.
    function deployCapital(uint256 assetId, uint256 amount)
        external
        nonReentrant
        whenNotPaused
        onlyRole(POOL_MANAGER_ROLE)
    {
        if (status == Status.Closed) revert DepositsClosed();
        if (amount == 0) revert ZeroAmount();
        address operator = _operatorOfOwnAsset(assetId);
        if (operator != projectOperator) revert AssetOperatorNotProject(assetId, operator);
        HardwareAssetRegistry.Status assetStatus = registry.statusOf(assetId);
        if (assetStatus == HardwareAssetRegistry.Status.Retired || assetStatus == HardwareAssetRegistry.Status.Impaired)
        {
            revert AssetNotFinanceable(assetId);
        }
        uint256 deployable = deployableCapital();
        if (amount > deployable) revert ExceedsDeployable(amount, deployable);
        AssetCapital storage c = assetCapital[assetId];
        uint256 after_ = _outstanding(c) + amount;
        if (after_ > c.limit) revert ExceedsAssetLimit(assetId, after_, c.limit);
        if (status == Status.Raising) _setStatus(Status.Raising, Status.Active);
        idle = uint72(idle - amount);
        outstandingPrincipal = (outstandingPrincipal + amount).toUint72();
        c.deployed += amount.toUint128();
        IERC20(asset()).safeTransfer(operator, amount);
        emit CapitalDeployed(assetId, operator, amount);
    }

    /// @notice Takes back principal of an asset from the caller (the operator's repayment, passed on by the
    /// manager). It joins idle, from where `fillRedemptions` serves queued exits first.
    function recordRepayment(uint256 assetId, uint256 amount)
        external
        nonReentrant
        whenNotPaused
        onlyRole(POOL_MANAGER_ROLE)
    {
        if (amount == 0) revert ZeroAmount();
        _operatorOfOwnAsset(assetId);
        AssetCapital storage c = assetCapital[assetId];
        uint256 outstanding = _outstanding(c);
        if (amount > outstanding) revert ExceedsOutstanding(assetId, amount, outstanding);
        _pull(msg.sender, amount);
        c.repaid += amount.toUint128();
        outstandingPrincipal = uint72(outstandingPrincipal - amount);
        idle = (idle + amount).toUint72();
        emit PrincipalRepaid(assetId, msg.sender, amount);
        // A provision can never exceed what is still outstanding.
        if (c.provision > outstanding - amount) _setProvision(assetId, c, outstanding - amount);
    }

    /// @notice Marks an impaired asset's expected loss (raises its provision): the share price falls by it at
    /// once, so exits in the meantime pay the impaired price. Only the admin (timelock) may lower a provision.
    function markImpairment(uint256 assetId, uint256 provision) external whenNotPaused {
        _operatorOfOwnAsset(assetId);
        AssetCapital storage c = assetCapital[assetId];
        if (provision > c.provision) {
            _checkRole(POOL_MANAGER_ROLE);
            if (registry.statusOf(assetId) != HardwareAssetRegistry.Status.Impaired) revert AssetNotImpaired(assetId);
        } else {
            _checkRole(DEFAULT_ADMIN_ROLE);
        }
        uint256 outstanding = _outstanding(c);
        if (provision > outstanding) revert ExceedsOutstanding(assetId, provision, outstanding);
        _setProvision(assetId, c, provision);
    }

    /// @notice Writes off principal that was provisioned (price-neutral). Writing off more than the provision is a
    /// large write-down and needs the admin (timelock).
    function recordWriteDown(uint256 assetId, uint256 amount) external whenNotPaused {
        if (amount == 0) revert ZeroAmount();
        _operatorOfOwnAsset(assetId);
        AssetCapital storage c = assetCapital[assetId];
        uint256 provision = c.provision;
        if (!hasRole(DEFAULT_ADMIN_ROLE, msg.sender)) {
            _checkRole(POOL_MANAGER_ROLE);
            if (amount > provision) revert ExceedsProvision(assetId, amount, provision);
        }
        uint256 outstanding = _outstanding(c);
        if (amount > outstanding) revert ExceedsOutstanding(assetId, amount, outstanding);
        _setProvision(assetId, c, provision - Math.min(amount, provision));
        c.writtenDown += amount.toUint128();
        outstandingPrincipal = uint72(outstandingPrincipal - amount);
        emit PrincipalWrittenDown(assetId, amount);
    }

    /// @notice Money recovered on written-down principal (a sale of the machines, an insurance payout): it comes
    /// back as principal, without the protocol fee, to the holders of the day.
    function recordRecovery(uint256 assetId, uint256 amount)
        external
        nonReentrant
        whenNotPaused
        onlyRole(POOL_MANAGER_ROLE)
    {
        if (amount == 0) revert ZeroAmount();
        _operatorOfOwnAsset(assetId);
        AssetCapital storage c = assetCapital[assetId];
        uint256 recoverable = c.writtenDown - c.recovered;
        if (amount > recoverable) revert ExceedsWrittenDown(assetId, amount, recoverable);
        _pull(msg.sender, amount);
        c.recovered += amount.toUint128();
        idle = (idle + amount).toUint72();
        emit PrincipalRecovered(assetId, msg.sender, amount);
    }

    /// @notice Most principal that may be outstanding in one asset. Admin (timelock) only: not the manager's.
    function setAssetLimit(uint256 assetId, uint256 limit) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _operatorOfOwnAsset(assetId);
        assetCapital[assetId].limit = limit.toUint128();
        emit AssetLimitUpdated(assetId, limit);
    }

    function outstandingOf(uint256 assetId) external view returns (uint256) {
        return _outstanding(assetCapital[assetId]);
    }

    function _setProvision(uint256 assetId, AssetCapital storage c, uint256 provision) private {
        uint256 previous = c.provision;
        if (previous == provision) return;
        c.provision = provision.toUint128();
        totalProvisions = (totalProvisions - previous + provision).toUint64();
        emit ProvisionUpdated(assetId, previous, provision);
    }

    function _outstanding(AssetCapital storage c) private view returns (uint256) {
        return uint256(c.deployed) - c.repaid - c.writtenDown;
    }

    function _operatorOfOwnAsset(uint256 assetId) internal view returns (address) {
        if (registry.poolOf(assetId) != address(this)) revert AssetNotInPool(assetId);
        return registry.operatorOf(assetId);
    }

    /// @dev Every USDC that comes in (deposits, repayments, recoveries, revenue) is pulled here, and a token that
    /// delivers less than was sent (a fee on transfer) is refused.
    function _pull(address from, uint256 amount) internal {
        IERC20 usdc = IERC20(asset());
        uint256 before = _balanceOfPool(usdc);
        usdc.safeTransferFrom(from, address(this), amount);
        uint256 received = _balanceOfPool(usdc) - before;
        if (received != amount) revert FeeOnTransferNotSupported(amount, received);
    }

    /// @dev usdc.balanceOf(this) in scratch memory (the fee-on-transfer check runs on every deposit: gas).
    function _balanceOfPool(IERC20 usdc) private view returns (uint256 held) {
        assembly ("memory-safe") {
            mstore(0x00, 0x70a08231) // balanceOf(address)
            mstore(0x20, address())
            if iszero(and(gt(returndatasize(), 0x1f), staticcall(gas(), usdc, 0x1c, 0x24, 0x00, 0x20))) {
                revert(0, 0)
            }
            held := mload(0x00)
        }
    }
}
